package dev.dispatcher.slack;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dispatcher.testkit.StoreKit;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("Two real SlackMain replicas on one PostgreSQL: one dies mid-job, the other finishes it once")
class ReplicaCrashTest {

    @RegisterExtension
    static final StoreKit.Backend POSTGRES = StoreKit.postgres();

    private static final String SECRET = "replica-crash-signing-secret";
    private static final Map<String, String> SHORT_LEASE = Map.of("DISPATCHER_JOB_LEASE_SECONDS", "2");

    @TempDir
    Path dir;

    private FakeSlackApi slackApi;

    @BeforeEach
    void startSlack() throws Exception {
        slackApi = FakeSlackApi.start();
    }

    @AfterEach
    void stopSlack() {
        slackApi.close();
    }

    @Test
    @DisplayName("the replica that acknowledged a /route is killed before posting; the other posts the answer, once")
    void survivorFinishesTheJob() throws Exception {
        String database = POSTGRES.newDatabaseUrl();
        FakeSlackApi.Gate firstPost = slackApi.holdNext("chat.postMessage");
        try (SlackMainProcess survivor = SlackMainProcess.start(slackApi, database, BotUnderTest.BOT_TOKEN, SECRET, SHORT_LEASE,
                dir.resolve("survivor.log"))) {
            // GIVEN replica A acknowledged a /route and is posting its announcement
            try (SlackMainProcess dying = SlackMainProcess.start(slackApi, database, BotUnderTest.BOT_TOKEN, SECRET, SHORT_LEASE,
                    dir.resolve("dying.log"))) {
                assertThat(dying.slack().route("Tune slow postgres queries", "U0ALICE", "C0BACKEND", slackApi.responseUrl("r1"),
                        "trigger-replica-1").status()).isEqualTo(200);
                firstPost.awaitArrival();

                // WHEN A is killed before the post reaches Slack
                dying.kill();
            } finally {
                firstPost.discard();
            }

            // THEN replica B takes the job over once A's lease ran out, and answers it: announcement and analysis
            List<FakeSlackApi.Call> messages = slackApi.awaitMessages(2);
            assertThat(messages.get(0).param("text")).contains("Tune slow postgres queries");
            assertThat(messages.get(1).param("thread_ts")).isEqualTo(messages.get(0).ts());
            assertThat(messages.get(1).param("text")).contains("Routing to: database-architect");
            assertThat(survivor.admin().sample("dispatcher_jobs_resumed_total", "platform=\"slack\"")).isEqualTo(1);
            survivor.terminate();
        }
        assertThat(slackApi.messages()).as("exactly one answer").hasSize(2);
    }
}

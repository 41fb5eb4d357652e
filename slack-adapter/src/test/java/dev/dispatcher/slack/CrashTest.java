package dev.dispatcher.slack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("SIGKILL of a real SlackMain process after the acknowledgement loses no answer")
class CrashTest {

    private static final int SIGKILL_EXIT = 137;
    private static final String SECRET = "crash-test-signing-secret";
    /** A short lease, so the restarted process takes the dead one's job over within seconds. */
    private static final Map<String, String> SHORT_LEASE = Map.of("DISPATCHER_JOB_LEASE_SECONDS", "2");

    @TempDir
    Path dir;

    private FakeSlackApi slackApi;
    private String databaseUrl;

    @BeforeEach
    void startSlack() throws Exception {
        slackApi = FakeSlackApi.start();
        databaseUrl = "jdbc:sqlite:" + dir.resolve("bot.db");
    }

    @AfterEach
    void stopSlack() {
        slackApi.close();
    }

    @Test
    @DisplayName("killed between the acknowledgement and the post, the restarted bot answers the /route exactly once")
    void answeredOnceAfterRestart() throws Exception {
        // GIVEN a bot that acknowledged a /route and is about to post its announcement
        FakeSlackApi.Gate firstPost = slackApi.holdNext("chat.postMessage");
        try (SlackMainProcess bot = SlackMainProcess.start(slackApi, databaseUrl, BotUnderTest.BOT_TOKEN, SECRET, SHORT_LEASE,
                dir.resolve("first.log"))) {
            assertThat(bot.slack().route("Fix JWT token expiration", "U0ALICE", "C0BACKEND", slackApi.responseUrl("r1"),
                    "trigger-crash-1").status()).isEqualTo(200);
            firstPost.awaitArrival();

            // WHEN it is killed before that post reaches Slack
            assertThat(bot.kill()).isEqualTo(SIGKILL_EXIT);
        } finally {
            firstPost.discard();
        }
        assertThat(slackApi.messages()).isEmpty();

        // AND it starts again on the same database
        try (SlackMainProcess bot = SlackMainProcess.start(slackApi, databaseUrl, BotUnderTest.BOT_TOKEN, SECRET, SHORT_LEASE,
                dir.resolve("second.log"))) {
            // THEN the stored job is resumed once its lease ran out: one announcement, one analysis in its thread
            List<FakeSlackApi.Call> messages = slackApi.awaitMessages(2);
            assertThat(messages.get(0).param("thread_ts")).isNull();
            assertThat(messages.get(0).param("text")).contains("Fix JWT token expiration");
            assertThat(messages.get(1).param("thread_ts")).isEqualTo(messages.get(0).ts());
            assertThat(messages.get(1).param("text")).contains("Routing to: auth-system-architect");
            assertThat(bot.admin().sample("dispatcher_jobs_resumed_total", "platform=\"slack\"")).isEqualTo(1);
            // the job is marked done just after its last post reaches Slack: give that write a moment
            assertThat(bot.admin().awaitSample("dispatcher_jobs_pending", 0, java.time.Duration.ofSeconds(10), "")).isZero();
            bot.terminate();
        }
        assertThat(slackApi.messages()).as("exactly one answer").hasSize(2);
    }
}

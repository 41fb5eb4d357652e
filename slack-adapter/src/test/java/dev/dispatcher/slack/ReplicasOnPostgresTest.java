package dev.dispatcher.slack;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dispatcher.testkit.StoreKit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

@DisplayName("Two Slack bot replicas behind one load balancer, sharing one PostgreSQL")
class ReplicasOnPostgresTest {

    @RegisterExtension
    static final StoreKit.Backend POSTGRES = StoreKit.postgres();

    private static final String CHANNEL = "C0BACKEND";
    private static final String ALICE = "U0ALICE";
    private static final String BOB = "U0BOB";

    private FakeSlackApi slackApi;
    private BotUnderTest first;
    private BotUnderTest second;

    @BeforeEach
    void startReplicas() throws Exception {
        slackApi = FakeSlackApi.start();
        String database = POSTGRES.newDatabaseUrl();
        first = BotUnderTest.startOn(slackApi, database);
        second = BotUnderTest.startOn(slackApi, database);
    }

    @AfterEach
    void stopReplicas() {
        first.close();
        second.close();
        slackApi.close();
    }

    @Test
    @DisplayName("answer an event exactly once when Slack delivers it to both, at the same time and again as retries")
    void exactlyOnce() throws Exception {
        // GIVEN one mention event, delivered 10 times to each replica at once (first deliveries and retries)
        var mention = SlackRequests.mention(ALICE, CHANNEL, "1700000200.000100", null, "<@" + FakeSlackApi.BOT_USER + "> Fix CORS issues");
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Callable<SlackRequests.Answer>> deliveries = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            Integer retry = i == 0 ? null : i;
            deliveries.add(() -> first.slack().event("Ev0ONCE", mention, retry));
            deliveries.add(() -> second.slack().event("Ev0ONCE", mention, retry));
        }

        // WHEN they all arrive
        for (Future<SlackRequests.Answer> answer : pool.invokeAll(deliveries)) {
            assertThat(answer.get().status()).isEqualTo(200);
        }
        pool.shutdown();
        first.awaitIdle();
        second.awaitIdle();

        // THEN exactly one answer was posted, and one decision recorded
        assertThat(slackApi.messages()).hasSize(1);
        assertThat(first.core().stats().window("all time", null).routed()).isEqualTo(1);
    }

    @Test
    @DisplayName("find a decision routed by one replica when the reaction and the choice reach the other")
    void reactionOnEitherReplica() throws Exception {
        // GIVEN Alice's /route handled by the first replica
        first.slack().route("Fix JWT token expiration", ALICE, CHANNEL, slackApi.responseUrl("r1"));
        List<FakeSlackApi.Call> routed = slackApi.awaitMessages(2);
        first.awaitIdle();
        FakeSlackApi.Call announcement = routed.get(0);
        FakeSlackApi.Call analysis = routed.get(1);

        // WHEN Bob's :x: reaches the second replica
        second.slack().event("Ev0REACT1", SlackRequests.reaction("reaction_added", BOB, "x", CHANNEL, analysis.ts()));

        // THEN the second replica asks in the thread; and Bob's choice, handled by the first, is recorded for both
        FakeSlackApi.Call question = slackApi.awaitMessages(3).get(2);
        assertThat(question.param("thread_ts")).isEqualTo(announcement.ts());
        String databaseChoice = BlockJson.optionValues(question.param("blocks")).stream()
                .filter(v -> v.endsWith(" database-architect")).findFirst().orElseThrow();
        first.slack().choose(BOB, CHANNEL, question.ts(), announcement.ts(), databaseChoice);
        slackApi.awaitMessages(4);
        first.awaitIdle();
        assertThat(second.core().stats().window("all time", null).corrected()).isEqualTo(1);
    }
}

package dev.dispatcher.slack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("When every worker is busy and the queue is full")
class BusyTest {

    private static final String CHANNEL = EndToEndTest.CHANNEL;
    private static final String ALICE = EndToEndTest.ALICE;
    private static final String BOT = "<@" + FakeSlackApi.BOT_USER + ">";

    @TempDir
    Path dataDir;

    private FakeSlackApi slackApi;
    private BotUnderTest bot;
    private FakeSlackApi.Gate held;

    @BeforeEach
    void fillTheBot() throws Exception {
        // GIVEN a bot with one worker and room for one waiting event
        slackApi = FakeSlackApi.start();
        bot = BotUnderTest.startWith(slackApi, dataDir, Map.of("SLACK_WORKERS", "1", "SLACK_QUEUE_LIMIT", "1"));
        // AND its worker is stuck posting a first answer, while a second /route waits in the queue
        held = slackApi.holdNext("chat.postMessage");
        assertThat(bot.slack().route("Fix JWT token expiration", ALICE, CHANNEL, slackApi.responseUrl("first")).status()).isEqualTo(200);
        held.awaitArrival();
        assertThat(bot.slack().route("Optimize SQL queries", ALICE, CHANNEL, slackApi.responseUrl("second")).status()).isEqualTo(200);
    }

    @AfterEach
    void stop() {
        held.open();
        bot.close();
        slackApi.close();
    }

    @Test
    @DisplayName("a /route is refused privately at once, with the task to send again, and the queued ones are still answered")
    void routeRefusedPrivately() throws Exception {
        // WHEN Alice routes a third task, which tries to ping the channel
        SlackRequests.Answer answer = bot.slack().route("<!channel> the entities endpoint returns 404", ALICE, CHANNEL,
                slackApi.responseUrl("third"));

        // THEN the acknowledgement itself tells her, privately, that nothing was routed, quoting her task escaped
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body()).contains("\"response_type\":\"ephemeral\"").contains("busy").contains("entities endpoint returns 404");
        assertThat(answer.body()).doesNotContain("<!channel>");
        // AND once the worker is free, the first two tasks get their announcement and analysis, and the third nothing
        held.open();
        bot.awaitIdle();
        assertThat(slackApi.messages()).hasSize(4);
        assertThat(slackApi.messages()).noneMatch(m -> m.param("text").contains("entities"));
        assertThat(bot.core().stats().standardWindows().get(0).routed()).isEqualTo(2);
        assertThat(bot.admin().sample("dispatcher_errors_total", "platform=\"slack\"", "kind=\"busy\"")).isEqualTo(1);
    }

    @Test
    @DisplayName("a mention gets a 503, so that Slack delivers it again, and the retry is answered once")
    void mentionLeftForSlackToRetry() throws Exception {
        // WHEN Alice mentions the bot
        var mention = SlackRequests.mention(ALICE, CHANNEL, "1700000100.000100", null, BOT + " Fix JWT token expiration");
        SlackRequests.Answer refused = bot.slack().event("Ev0BUSY", mention);

        // THEN Slack is told to try later, and nothing of the mention was claimed
        assertThat(refused.status()).isEqualTo(503);
        held.open();
        bot.awaitIdle();
        assertThat(slackApi.messages()).hasSize(4);

        // WHEN Slack retries it once the bot has room
        SlackRequests.Answer retried = bot.slack().event("Ev0BUSY", mention, 1);

        // THEN it is answered in the mention's thread, once
        assertThat(retried.status()).isEqualTo(200);
        assertThat(slackApi.awaitMessages(5).get(4).param("thread_ts")).isEqualTo("1700000100.000100");
        bot.awaitIdle();
        assertThat(slackApi.messages()).hasSize(5);
    }

    @Test
    @DisplayName("/readyz answers 503 while the queue is full, so a load balancer sends work elsewhere, and 200 once it drains")
    void readinessFollowsTheBacklog() throws Exception {
        // WHEN the queue is full
        int whileFull = bot.admin().status("/readyz");

        // AND the worker can post again and works the backlog off
        held.open();
        bot.awaitIdle();

        // THEN
        assertThat(whileFull).isEqualTo(503);
        assertThat(bot.admin().status("/readyz")).isEqualTo(200);
        assertThat(bot.admin().sample("dispatcher_jobs_pending", "")).isZero();
    }
}

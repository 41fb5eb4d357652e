package dev.dispatcher.slack;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("health, readiness and metrics of the Slack bot")
class OperationsTest extends EndToEndTest {

    private static final String SLACK = "platform=\"slack\"";
    private static final String BOT = "<@" + FakeSlackApi.BOT_USER + ">";

    @Test
    @DisplayName("/healthz and /readyz answer 200 once the bot serves Slack")
    void readyAfterStart() {
        // GIVEN the bot has started
        // WHEN a probe asks
        // THEN it is alive and ready
        assertThat(bot.admin().status("/healthz")).isEqualTo(200);
        assertThat(bot.admin().status("/readyz")).isEqualTo(200);
    }

    @Test
    @DisplayName("/metrics counts a task routed by /route, by specialist")
    void countsRoutedTasks() throws Exception {
        // WHEN Alice routes a task
        route("Fix JWT token expiration");

        // THEN the routed counter has it, under the platform and the specialist
        assertThat(bot.admin().sample("dispatcher_tasks_routed_total", SLACK, "specialist=\"auth-system-architect\"")).isEqualTo(1);
    }

    @Test
    @DisplayName("/metrics counts Web API calls by method and outcome")
    void countsPlatformCalls() throws Exception {
        // GIVEN Slack refuses the first post once
        slackApi.failNext("chat.postMessage", "not_in_channel");
        bot.slack().route("Fix JWT token expiration", ALICE, CHANNEL, slackApi.responseUrl("refused"));
        slackApi.awaitResponse();

        // WHEN a task is routed and answered
        route("the entities endpoint returns 404");

        // THEN both accepted posts, the refused one and the private answer are counted, and the refusal is an error
        assertThat(bot.admin().sample("dispatcher_platform_calls_total", SLACK, "method=\"chat.postMessage\"", "outcome=\"ok\"")).isEqualTo(2);
        assertThat(bot.admin().sample("dispatcher_platform_calls_total", SLACK, "method=\"chat.postMessage\"", "outcome=\"not_in_channel\"")).isEqualTo(1);
        assertThat(bot.admin().sample("dispatcher_platform_calls_total", SLACK, "method=\"response_url\"", "outcome=\"ok\"")).isEqualTo(1);
        assertThat(bot.admin().sample("dispatcher_errors_total", SLACK, "kind=\"not_in_channel\"")).isEqualTo(1);
    }

    @Test
    @DisplayName("/metrics counts a retried event that was dropped as a duplicate")
    void countsDuplicates() throws Exception {
        // GIVEN a mention was answered
        var mention = SlackRequests.mention(ALICE, CHANNEL, "1700000100.000100", null, BOT + " Fix JWT token expiration");
        bot.slack().event("Ev0METRICS", mention);
        slackApi.awaitMessages(1);

        // WHEN Slack retries it
        bot.slack().event("Ev0METRICS", mention, 1);
        bot.awaitIdle();

        // THEN one duplicate was dropped
        assertThat(bot.admin().sample("dispatcher_duplicate_events_total", SLACK)).isEqualTo(1);
    }

    @Test
    @DisplayName("/metrics records the wait after a 429")
    void recordsRateLimitWaits() throws Exception {
        // GIVEN Slack rate-limits the next post for one second
        slackApi.rateLimitNext("chat.postMessage", 1);

        // WHEN Alice routes a task
        route("Fix JWT token expiration");

        // THEN one wait of about a second is recorded, and the 429 itself is a call with outcome ratelimited
        assertThat(bot.admin().sample("dispatcher_rate_limit_waits_seconds_count", SLACK)).isEqualTo(1);
        assertThat(bot.admin().sample("dispatcher_rate_limit_waits_seconds_sum", SLACK)).isGreaterThanOrEqualTo(1.0);
        assertThat(bot.admin().sample("dispatcher_platform_calls_total", SLACK, "outcome=\"ratelimited\"")).isEqualTo(1);
    }
}

package dev.dispatcher.slack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("the Slack bot's logs, from a real SlackMain process at DEBUG")
class LogSecrecyTest {

    /** Shaped like real secrets, so that nothing could tell them from the real thing. */
    private static final String BOT_TOKEN = "xoxb-fake-test-token-Q7mZx4VbN2cLr8TfWk1HsJ0d";
    private static final String SIGNING_SECRET = "8f14e45fceea167a5a36dedd4bea2543";

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

    /** Runs SlackMain with these settings, sends it a signed /route and a mention, stops it, and returns its output. */
    private String outputOfRun(Map<String, String> settings) throws Exception {
        try (SlackMainProcess bot = SlackMainProcess.start(slackApi, "jdbc:sqlite:" + dir.resolve("bot.db"), BOT_TOKEN,
                SIGNING_SECRET, settings, dir.resolve("output.log"))) {
            bot.slack().route("Fix JWT token expiration", "U0ALICE", "C0BACKEND", slackApi.responseUrl("r"), "trigger-log-1");
            bot.slack().event("Ev0LOG1", SlackRequests.mention("U0ALICE", "C0BACKEND", "1700000100.000100", null,
                    "<@" + FakeSlackApi.BOT_USER + "> the entities endpoint returns 404"));
            slackApi.awaitMessages(3);
            bot.terminate();
            return bot.output();
        }
    }

    @Test
    @DisplayName("text lines: every handled event is logged with its ids, and neither the token nor the signing secret appears")
    void textLogsKeepSecrets() throws Exception {
        // GIVEN the bot runs at DEBUG with text logs
        // WHEN it handles a /route and a mention and stops
        String output = outputOfRun(Map.of("DISPATCHER_LOG_LEVEL", "DEBUG"));

        // THEN each event has its line, and no secret is anywhere in the output
        assertThat(output)
                .contains("handled slash_command on slack", "eventId=\"trigger-log-1\"", "specialist=\"auth-system-architect\"")
                .contains("handled mention on slack", "eventId=\"Ev0LOG1\"")
                .contains("DEBUG")
                .doesNotContain(BOT_TOKEN, SIGNING_SECRET);
    }

    @Test
    @DisplayName("JSON lines: every handled event is logged with its ids, and neither the token nor the signing secret appears")
    void jsonLogsKeepSecrets() throws Exception {
        // GIVEN the bot runs at DEBUG with JSON logs
        // WHEN it handles a /route and a mention and stops
        String output = outputOfRun(Map.of("DISPATCHER_LOG_LEVEL", "DEBUG", "DISPATCHER_LOG_FORMAT", "json"));

        // THEN each event has its line, as JSON fields, and no secret is anywhere in the output
        assertThat(output)
                .contains("\"eventId\":\"trigger-log-1\"", "\"event\":\"slash_command\"")
                .contains("\"eventId\":\"Ev0LOG1\"", "\"event\":\"mention\"")
                .contains("\"level\":\"DEBUG\"")
                .doesNotContain(BOT_TOKEN, SIGNING_SECRET);
    }
}

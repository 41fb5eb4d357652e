package dev.dispatcher.slack;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("request verification")
class RequestVerificationTest extends EndToEndTest {

    private static String mentionBody(String eventId) {
        return "{\"token\":\"unused\",\"team_id\":\"T0FAKE\",\"api_app_id\":\"A0FAKE\",\"type\":\"event_callback\","
                + "\"event_id\":\"" + eventId + "\",\"event_time\":1700000000,\"event\":{\"type\":\"app_mention\","
                + "\"user\":\"" + ALICE + "\",\"text\":\"<@" + FakeSlackApi.BOT_USER + "> Fix JWT token expiration\","
                + "\"ts\":\"1700000100.000100\",\"channel\":\"" + CHANNEL + "\",\"event_ts\":\"1700000100.000100\"}}";
    }

    @Test
    @DisplayName("a request signed with the wrong secret gets 401 and causes no Web API call")
    void badSignature() throws Exception {
        // GIVEN a mention signed with another app's secret
        String body = mentionBody("Ev0FORGED");
        String now = String.valueOf(System.currentTimeMillis() / 1000);
        int callsBefore = slackApi.calls().size();

        // WHEN it reaches the bot
        SlackRequests.Answer answer = bot.slack().post(body, "application/json", now,
                SlackRequests.sign("someone-elses-secret", now, body), Map.of());

        // THEN it is refused, and nothing reaches Slack's Web API
        assertThat(answer.status()).isEqualTo(401);
        bot.awaitIdle();
        assertThat(slackApi.calls()).hasSize(callsBefore);
    }

    @Test
    @DisplayName("a correctly signed request older than 5 minutes gets 401 (replay protection)")
    void staleTimestamp() throws Exception {
        // GIVEN a mention signed with the right secret, but six minutes ago
        String body = mentionBody("Ev0REPLAY");
        String sixMinutesAgo = String.valueOf(System.currentTimeMillis() / 1000 - 6 * 60);
        int callsBefore = slackApi.calls().size();

        // WHEN it reaches the bot
        SlackRequests.Answer answer = bot.slack().post(body, "application/json", sixMinutesAgo,
                SlackRequests.sign(SlackRequests.SIGNING_SECRET, sixMinutesAgo, body), Map.of());

        // THEN it is refused, and nothing reaches Slack's Web API
        assertThat(answer.status()).isEqualTo(401);
        bot.awaitIdle();
        assertThat(slackApi.calls()).hasSize(callsBefore);
    }

    @Test
    @DisplayName("the same request signed correctly and on time is accepted (the two refusals above are about the signature)")
    void goodSignature() throws Exception {
        // GIVEN the same kind of mention, signed now with the right secret
        String body = mentionBody("Ev0GENUINE");

        // WHEN it reaches the bot
        SlackRequests.Answer answer = bot.slack().signedPost(body, "application/json", Map.of());

        // THEN it is accepted and answered
        assertThat(answer.status()).isEqualTo(200);
        assertThat(slackApi.awaitMessages(1)).hasSize(1);
    }
}

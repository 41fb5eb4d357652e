package dev.dispatcher.slack;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Slack Web API failures")
class WebApiFailureTest extends EndToEndTest {

    @Test
    @DisplayName("a 429 is retried after its Retry-After, and the reply arrives once")
    void rateLimitedThenAccepted() throws Exception {
        // GIVEN Slack rate-limits the next post for one second
        slackApi.rateLimitNext("chat.postMessage", 1);

        // WHEN Alice routes a task
        route("Fix JWT token expiration");

        // THEN the announcement was tried twice, the second time at least a second later, and posted once
        List<FakeSlackApi.Call> attempts = slackApi.calls("chat.postMessage");
        assertThat(attempts).hasSize(3);
        assertThat(attempts.get(0).ts()).isNull();
        assertThat(Duration.between(attempts.get(0).at(), attempts.get(1).at())).isGreaterThanOrEqualTo(Duration.ofMillis(950));
        assertThat(slackApi.messages()).hasSize(2);
        assertThat(slackApi.messages().get(0).param("text")).contains("asked to route");
    }

    @Test
    @DisplayName("server errors are retried with a pause, and the reply arrives once")
    void serverErrorsThenAccepted() throws Exception {
        // GIVEN Slack answers the next two posts with HTTP 500
        slackApi.serverErrorNext("chat.postMessage");
        slackApi.serverErrorNext("chat.postMessage");

        // WHEN Alice routes a task
        route("Fix JWT token expiration");

        // THEN the third try succeeded and each message exists once
        assertThat(slackApi.calls("chat.postMessage")).hasSize(4);
        assertThat(slackApi.messages()).hasSize(2);
    }

    @Test
    @DisplayName("after three failed tries the bot gives up on that answer, tells the user privately, and keeps serving")
    void givesUpAndCarriesOn() throws Exception {
        // GIVEN Slack fails the next three posts
        for (int i = 0; i < SlackPoster.MAX_TRIES; i++) {
            slackApi.serverErrorNext("chat.postMessage");
        }

        // WHEN Alice routes a task, and then another one
        bot.slack().route("Fix JWT token expiration", ALICE, CHANNEL, slackApi.responseUrl("failed"));
        FakeSlackApi.Call privateNote = slackApi.awaitResponse();
        Routed next = route("the entities endpoint returns 404");

        // THEN the first is reported to her privately with its decision id, and the second is answered normally
        assertThat(slackApi.calls("chat.postMessage").subList(0, SlackPoster.MAX_TRIES)).allMatch(c -> c.ts() == null);
        assertThat(privateNote.param("text")).contains("decision `").contains("http_500");
        assertThat(next.analysis().param("thread_ts")).isEqualTo(next.announcement().ts());
    }
}

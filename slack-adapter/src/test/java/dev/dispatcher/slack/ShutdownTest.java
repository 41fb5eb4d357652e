package dev.dispatcher.slack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("graceful shutdown of the Slack bot")
class ShutdownTest extends EndToEndTest {

    @Test
    @DisplayName("while stopping, /readyz answers 503 and new requests are refused, yet the acknowledged /route is still answered")
    void stopsTakingEventsButFinishesAcknowledgedOnes() throws Exception {
        // GIVEN a slow Slack, and a /route the bot has acknowledged but not yet answered
        slackApi.slowDown("chat.postMessage", Duration.ofMillis(1500));
        assertThat(bot.slack().route("Fix JWT token expiration", ALICE, CHANNEL, slackApi.responseUrl("r")).status()).isEqualTo(200);

        // WHEN the bot is told to stop
        CompletableFuture<Void> stopping = CompletableFuture.runAsync(bot::close);

        // THEN it reports not ready at once, refuses a new command, and still answers the acknowledged one
        bot.admin().awaitStatus("/readyz", 503, Duration.ofSeconds(2));
        assertThat(stopping).isNotDone();
        assertThat(statusOrRefused(() -> bot.slack().route("Tune postgres", BOB, CHANNEL, slackApi.responseUrl("late"))))
                .isIn(-1, 503);
        stopping.get();
        assertThat(slackApi.messages()).hasSize(2);
        assertThat(slackApi.messages().get(1).param("text")).contains("Routing to: auth-system-architect");
    }

    @Test
    @DisplayName("after stopping, the admin endpoints are closed too")
    void adminClosedAfterStop() {
        // GIVEN a running bot
        // WHEN it stops
        bot.close();

        // THEN nothing answers on the admin port any more
        assertThat(bot.admin().status("/healthz")).isEqualTo(-1);
    }

    @FunctionalInterface
    private interface Request {
        SlackRequests.Answer send() throws IOException, InterruptedException;
    }

    /** The HTTP status, or -1 when the connection was refused or reset. */
    private static int statusOrRefused(Request request) throws InterruptedException {
        try {
            return request.send().status();
        } catch (IOException refused) {
            return -1;
        }
    }
}

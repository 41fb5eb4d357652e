package dev.dispatcher.slack;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dispatcher.testkit.ReadyBot;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.IntPredicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("Socket Mode readiness")
class SocketModeReadinessTest {

    /** Bolt reconnects on its own schedule: at once after a close, then every 10 s while it cannot connect. */
    private static final Duration RECONNECT = Duration.ofSeconds(20);

    @TempDir
    Path dataDir;

    private FakeSlackApi slackApi;
    private final FakeSocketModeServer socketMode = new FakeSocketModeServer();
    private BotUnderTest bot;

    @BeforeEach
    void startSlack() throws Exception {
        slackApi = FakeSlackApi.start();
    }

    @AfterEach
    void stop() throws InterruptedException {
        if (bot != null) {
            bot.close();
        }
        socketMode.stop(1000);
        slackApi.close();
    }

    @Test
    @DisplayName("/readyz says not ready while the WebSocket cannot be opened, and ready once Bolt gets through")
    void notReadyUntilConnected() throws Exception {
        // GIVEN Slack hands out a WebSocket URL where nothing listens yet
        int closedPort = ReadyBot.freePort();
        slackApi.openSocketsAt("ws://127.0.0.1:" + closedPort + "/link/?ticket=nobody-home");

        // WHEN the bot starts (Bolt logs the failure and starts anyway)
        bot = BotUnderTest.startInSocketMode(slackApi, dataDir);

        // THEN it is alive but not ready
        assertThat(bot.admin().status("/healthz")).isEqualTo(200);
        assertThat(bot.admin().status("/readyz")).isEqualTo(503);

        // WHEN Slack's WebSocket becomes reachable
        slackApi.openSocketsAt(socketMode.begin());

        // THEN Bolt connects on its next try, and the bot is ready
        assertThat(awaitReadiness(status -> status == 200)).isEqualTo(200);
        assertThat(socketMode.getConnections()).hasSize(1);
    }

    @Test
    @DisplayName("/readyz says not ready once Slack closes the WebSocket, and ready again after Bolt reconnects")
    void notReadyAfterClose() throws Exception {
        // GIVEN a connected bot
        slackApi.openSocketsAt(socketMode.begin());
        bot = BotUnderTest.startInSocketMode(slackApi, dataDir);
        assertThat(bot.admin().status("/readyz")).isEqualTo(200);

        // WHEN Slack closes the WebSocket and cannot hand out a new one at the first try
        slackApi.failNext("apps.connections.open", "internal_error");
        socketMode.getConnections().forEach(connection -> connection.close(1001, "going away"));

        // THEN the bot is not ready, and ready again once Bolt has reconnected
        assertThat(awaitReadiness(status -> status == 503)).isEqualTo(503);
        assertThat(awaitReadiness(status -> status == 200)).isEqualTo(200);
    }

    private int awaitReadiness(IntPredicate wanted) throws InterruptedException {
        long deadline = System.nanoTime() + RECONNECT.toNanos();
        int status = bot.admin().status("/readyz");
        while (!wanted.test(status) && System.nanoTime() < deadline) {
            Thread.sleep(20);   // polling an endpoint, not timing the bot
            status = bot.admin().status("/readyz");
        }
        return status;
    }
}

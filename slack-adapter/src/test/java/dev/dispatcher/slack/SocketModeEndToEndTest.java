package dev.dispatcher.slack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The bot in Socket Mode: Bolt's real Socket Mode client (Tyrus) on a fake Slack's WebSocket and fake Web API, on loopback. */
@DisplayName("Socket Mode, end to end through Bolt's Socket Mode client")
class SocketModeEndToEndTest {

    private static final String CHANNEL = EndToEndTest.CHANNEL;
    private static final String ALICE = EndToEndTest.ALICE;
    private static final String BOT = "<@" + FakeSlackApi.BOT_USER + ">";
    /** How long Slack waits for an acknowledgement before it retries. */
    private static final Duration SLACK_ACK_DEADLINE = Duration.ofSeconds(3);

    @TempDir
    Path dataDir;

    private FakeSlackApi slackApi;
    private FakeSocketModeServer socketMode;
    private BotUnderTest bot;

    @BeforeEach
    void startBot() throws Exception {
        slackApi = FakeSlackApi.start();
        socketMode = new FakeSocketModeServer();
        slackApi.openSocketsAt(socketMode.begin());
        bot = BotUnderTest.startInSocketMode(slackApi, dataDir);
    }

    @AfterEach
    void stopBot() throws InterruptedException {
        if (bot != null) {
            bot.close();
        }
        socketMode.stop(1000);
        slackApi.close();
    }

    @Test
    @DisplayName("a /route envelope is acknowledged with its envelope_id within Slack's 3 s, before the slow Web API accepts the answer")
    void slashCommandAcknowledgedAtOnce() throws Exception {
        // GIVEN a Web API that takes as long to accept a message as Slack waits for an acknowledgement
        slackApi.delayNext("chat.postMessage", SLACK_ACK_DEADLINE);

        // WHEN Alice's /route arrives over the WebSocket
        String envelopeId = socketMode.deliverCommand(routeCommand("Fix JWT token expiration", "trigger-ack"));

        // THEN its envelope is acknowledged in time, without a payload since the answer is posted, not returned
        FakeSocketModeServer.Ack ack = socketMode.awaitAck(envelopeId, SLACK_ACK_DEADLINE);
        assertThat(ack.payload()).isNull();
        assertThat(slackApi.messages()).isEmpty();
    }

    @Test
    @DisplayName("a /route envelope gets the top-level announcement and the analysis in its thread, through the Web API")
    void slashCommandAnsweredInThread() throws Exception {
        // WHEN Alice's /route arrives over the WebSocket
        socketMode.deliverCommand(routeCommand("Fix JWT token expiration", "trigger-route"));

        // THEN the announcement is posted at the top of the channel and the analysis in its thread, both naming the specialist
        List<FakeSlackApi.Call> messages = slackApi.awaitMessages(2);
        FakeSlackApi.Call announcement = messages.get(0);
        FakeSlackApi.Call analysis = messages.get(1);
        assertThat(announcement.param("channel")).isEqualTo(CHANNEL);
        assertThat(announcement.param("thread_ts")).isNull();
        assertThat(announcement.param("text")).contains("<@" + ALICE + ">").contains("auth-system-architect");
        assertThat(analysis.param("channel")).isEqualTo(CHANNEL);
        assertThat(analysis.param("thread_ts")).isEqualTo(announcement.ts());
        assertThat(analysis.param("text")).contains("Routing to: auth-system-architect");
    }

    @Test
    @DisplayName("an app_mention envelope is acknowledged and answered in the mention's thread")
    void mentionAnsweredInItsThread() throws Exception {
        // WHEN Alice's mention at the top of the channel arrives over the WebSocket
        String envelopeId = socketMode.deliverEvent(SlackRequests.callback("Ev0SOCKET",
                SlackRequests.mention(ALICE, CHANNEL, "1700000100.000100", null, BOT + " Fix JWT token expiration")), 0);

        // THEN the envelope is acknowledged, and the answer is threaded on her message
        socketMode.awaitAck(envelopeId, SLACK_ACK_DEADLINE);
        FakeSlackApi.Call answer = slackApi.awaitMessages(1).get(0);
        assertThat(answer.param("channel")).isEqualTo(CHANNEL);
        assertThat(answer.param("thread_ts")).isEqualTo("1700000100.000100");
        assertThat(answer.param("text")).contains("Routing to: auth-system-architect");
    }

    @Test
    @DisplayName("Slack's retry of an events_api envelope (same event_id) is acknowledged and gets no second answer")
    void retriedEventAnsweredOnce() throws Exception {
        // GIVEN a mention that was answered
        var callback = SlackRequests.callback("Ev0SOCKETRETRY",
                SlackRequests.mention(ALICE, CHANNEL, "1700000100.000100", null, BOT + " Fix JWT token expiration"));
        String first = socketMode.deliverEvent(callback, 0);
        slackApi.awaitMessages(1);

        // WHEN Slack delivers the same event again, in a new envelope marked as its first retry
        String retry = socketMode.deliverEvent(callback, 1);

        // THEN both envelopes are acknowledged, and there is still exactly one answer
        socketMode.awaitAck(first, SLACK_ACK_DEADLINE);
        socketMode.awaitAck(retry, SLACK_ACK_DEADLINE);
        bot.awaitIdle();
        assertThat(slackApi.messages()).hasSize(1);
    }

    @Test
    @DisplayName("once started, the bot has opened the WebSocket that apps.connections.open named and /readyz answers 200")
    void readyOnceConnected() {
        // GIVEN the bot has started in Socket Mode
        // THEN it asked the Web API for a WebSocket URL (Bolt asks once to build its client and once more to connect),
        // holds one connection to it, and says it is ready
        assertThat(slackApi.calls("apps.connections.open")).isNotEmpty();
        assertThat(socketMode.getConnections()).hasSize(1);
        assertThat(bot.admin().status("/readyz")).isEqualTo(200);
    }

    @Test
    @DisplayName("stopping closes the WebSocket with a normal closure and then the admin endpoints")
    void stopsCleanly() throws Exception {
        // GIVEN a bot connected in Socket Mode
        // WHEN it stops
        bot.close();

        // THEN Slack saw a normal closure (1000), and nothing answers on the admin port any more
        assertThat(socketMode.awaitClose(Duration.ofSeconds(5))).isEqualTo(1000);
        assertThat(bot.admin().status("/healthz")).isEqualTo(-1);
    }

    /** Alice's {@code /route task}, as the payload of a {@code slash_commands} envelope. */
    private Map<String, String> routeCommand(String task, String triggerId) {
        return SlackRequests.routeForm(task, ALICE, CHANNEL, slackApi.responseUrl(triggerId), triggerId);
    }
}

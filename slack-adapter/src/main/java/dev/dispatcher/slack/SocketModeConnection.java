package dev.dispatcher.slack;

import com.slack.api.bolt.App;
import com.slack.api.bolt.socket_mode.SocketModeApp;
import com.slack.api.socket_mode.SocketModeClient;
import java.io.IOException;

/** Socket Mode: the bot opens a WebSocket to Slack with the {@code xapp-} token, so no public URL is needed. */
final class SocketModeConnection implements SlackConnection {

    private final SocketModeApp socketMode;
    private volatile boolean started;
    /** The WebSocket is up: Slack said hello or sent an envelope since the last close. */
    private volatile boolean connected;

    /** Builds the connection without opening it. */
    SocketModeConnection(App app, String appToken) throws IOException {
        this.socketMode = new SocketModeApp(appToken, app);
    }

    SocketModeApp socketModeApp() {
        return socketMode;
    }

    /**
     * Connects. Bolt logs a WebSocket that cannot be opened and starts anyway, retrying in the background, so whether
     * the socket is up is tracked here: any message from Slack (its {@code hello}, an envelope) means up, a close means
     * down until the client has reconnected; one ping at start covers a hello that came before the listeners.
     */
    @Override
    public void start() throws Exception {
        socketMode.startAsync();
        SocketModeClient client = socketMode.getClient();
        client.addWebSocketMessageListener(message -> connected = true);
        client.addWebSocketCloseListener((code, reason) -> connected = false);
        connected = connected || client.verifyConnection();
        started = true;
    }

    /** Started, not stopped, and the WebSocket up; the client reconnects by itself when Slack rotates it. */
    @Override
    public boolean serving() {
        return started && connected && !socketMode.isClientStopped();
    }

    /** Stops the app and closes the client too: {@code stop()} alone leaves its threads, and its reconnecting, behind. */
    @Override
    public void stop() throws Exception {
        started = false;
        socketMode.close();
    }
}

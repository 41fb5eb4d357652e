package dev.dispatcher.slack;

import com.slack.api.bolt.App;
import com.slack.api.bolt.socket_mode.SocketModeApp;
import java.io.IOException;

/** Socket Mode: the bot opens a WebSocket to Slack with the {@code xapp-} token, so no public URL is needed. */
final class SocketModeConnection implements SlackConnection {

    private final SocketModeApp socketMode;
    private volatile boolean started;

    /** Builds the connection without opening it. */
    SocketModeConnection(App app, String appToken) throws IOException {
        this.socketMode = new SocketModeApp(appToken, app);
    }

    SocketModeApp socketModeApp() {
        return socketMode;
    }

    @Override
    public void start() throws Exception {
        socketMode.startAsync();
        started = true;
    }

    /** Started and not stopped; the client reconnects by itself when Slack rotates the WebSocket. */
    @Override
    public boolean serving() {
        return started && !socketMode.isClientStopped();
    }

    /** Stops the app and closes the client too: {@code stop()} alone leaves its threads, and its reconnecting, behind. */
    @Override
    public void stop() throws Exception {
        started = false;
        socketMode.close();
    }
}

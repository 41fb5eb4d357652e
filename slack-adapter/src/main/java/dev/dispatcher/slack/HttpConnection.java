package dev.dispatcher.slack;

import com.slack.api.bolt.App;
import com.slack.api.bolt.jetty.SlackAppServer;

/** HTTP mode: Jetty serves {@code /slack/events} on {@code SLACK_PORT}; Slack's requests are signature-checked. */
final class HttpConnection implements SlackConnection {

    private final SlackAppServer server;
    private final int port;

    HttpConnection(App app, int port) {
        this.server = new SlackAppServer(app, EVENTS_PATH, port);
        this.port = port;
    }

    int port() {
        return port;
    }

    @Override
    public void start() throws Exception {
        server.start();
    }

    @Override
    public void stop() throws Exception {
        server.stop();
    }
}

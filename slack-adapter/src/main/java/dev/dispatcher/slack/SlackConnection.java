package dev.dispatcher.slack;

import com.slack.api.bolt.App;
import java.io.IOException;

/** How the Bolt app hears from Slack: an HTTP endpoint Slack calls, or a Socket Mode connection the bot opens. */
interface SlackConnection {

    /** Where Slack sends events, commands and interactivity in HTTP mode (the manifest's request URLs). */
    String EVENTS_PATH = "/slack/events";

    /**
     * Checks the bot token with {@code auth.test}, connects, and returns once events can arrive; the connection's own
     * threads serve them from then on.
     */
    void start() throws Exception;

    /** Whether Slack's events can reach the app now. */
    boolean serving();

    /** Takes no more events; those being acknowledged at this moment are acknowledged first, within a few seconds. */
    void stop() throws Exception;

    /** The connection the settings ask for, built but not yet connected. */
    static SlackConnection of(SlackSettings settings, App app) throws IOException {
        return switch (settings.mode()) {
            case HTTP -> new HttpConnection(app, settings.port());
            case SOCKET_MODE -> new SocketModeConnection(app, settings.appToken());
        };
    }
}

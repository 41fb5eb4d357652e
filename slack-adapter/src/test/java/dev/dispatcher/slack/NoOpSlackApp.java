package dev.dispatcher.slack;

import com.slack.api.bolt.App;
import dev.dispatcher.ops.AdminServer;
import dev.dispatcher.ops.DispatcherMetrics;
import java.util.Map;

/**
 * The yardstick of the load run: a Bolt app whose {@code /route} only acknowledges, configured by
 * {@link SlackBot#newApp} and served by {@link HttpConnection} exactly as the bot is (same Jetty wiring, same request
 * verification, same {@code auth.test} at start), with {@code /readyz} on {@code DISPATCHER_ADMIN_PORT}. Whatever the
 * bot's acknowledgement costs beyond this app's is the dispatcher's own. Runs until killed.
 */
public final class NoOpSlackApp {

    private NoOpSlackApp() {}

    public static void main(String[] args) throws Exception {
        Map<String, String> env = System.getenv();
        SlackSettings settings = SlackSettings.fromEnvironment(env);
        App app = SlackBot.newApp(settings);
        app.command(RouteCommand.COMMAND, (request, ctx) -> ctx.ack());
        HttpConnection connection = new HttpConnection(app, settings.port());
        AdminServer.start(Integer.parseInt(env.getOrDefault("DISPATCHER_ADMIN_PORT", "0")), connection::serving,
                new DispatcherMetrics());
        connection.start();
    }
}

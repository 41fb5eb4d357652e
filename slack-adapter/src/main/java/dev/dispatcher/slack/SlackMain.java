package dev.dispatcher.slack;

import dev.dispatcher.app.BotCore;
import dev.dispatcher.app.CoreSettings;
import dev.dispatcher.routing.ConfigException;
import dev.dispatcher.store.StoreException;
import java.io.PrintStream;
import java.net.BindException;
import java.util.Map;

/**
 * Starts the Slack bot ({@code ./dispatcher slack}): reads the settings, starts the core, wires the Bolt app and
 * serves it over HTTP or Socket Mode until the process is stopped. Bad configuration ends it at once with exit code 2
 * and one sentence naming the variable; tokens and secrets are never printed.
 */
public final class SlackMain {

    static final int BAD_CONFIGURATION = 2;
    static final int FAILED = 1;

    private SlackMain() {}

    public static void main(String[] args) {
        int exit = run(System.getenv(), System.err);
        if (exit != 0) {
            System.exit(exit);
        }
    }

    /** Runs the bot until it is stopped; returns the exit code. */
    static int run(Map<String, String> env, PrintStream err) {
        SlackSettings settings;
        CoreSettings coreSettings;
        try {
            settings = SlackSettings.fromEnvironment(env);
            coreSettings = CoreSettings.fromEnvironment(env);
        } catch (IllegalArgumentException e) {
            return fail(err, BAD_CONFIGURATION, e.getMessage());
        }
        BotCore core;
        try {
            core = BotCore.start(coreSettings);
        } catch (ConfigException e) {
            return fail(err, BAD_CONFIGURATION, "the knowledge base cannot be used: " + e.getMessage());
        } catch (StoreException e) {
            return fail(err, BAD_CONFIGURATION, "the database cannot be opened (DISPATCHER_DB_URL): " + e.getMessage());
        }
        SlackBot bot = SlackBot.create(settings, core);
        try {
            SlackConnection connection = SlackConnection.of(settings, bot.app());
            Runtime.getRuntime().addShutdownHook(new Thread(() -> shutDown(connection, bot, core), "slack-shutdown"));
            err.println(settings.mode() == SlackSettings.Mode.HTTP
                    ? "dispatcher slack: HTTP mode, listening on port " + settings.port() + " at " + SlackConnection.EVENTS_PATH
                    : "dispatcher slack: Socket Mode, connecting to Slack");
            connection.start();
            return 0;
        } catch (IllegalArgumentException e) {
            // Bolt's auth.test at start-up: "The token is invalid (auth.test error: invalid_auth)"; the token is not in it.
            return fail(err, BAD_CONFIGURATION, "Slack refused SLACK_BOT_TOKEN: " + e.getMessage());
        } catch (Exception e) {
            if (causedByBind(e)) {
                return fail(err, BAD_CONFIGURATION, "SLACK_PORT " + settings.port() + " is already in use; choose another port.");
            }
            return fail(err, FAILED, "stopped: " + e.getMessage());
        }
    }

    private static boolean causedByBind(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof BindException) {
                return true;
            }
        }
        return false;
    }

    private static int fail(PrintStream err, int code, String message) {
        err.println("dispatcher slack: " + message);
        return code;
    }

    private static void shutDown(SlackConnection connection, SlackBot bot, BotCore core) {
        try {
            connection.stop();
        } catch (Exception e) {
            System.err.println("dispatcher slack: stopping the connection failed: " + e.getMessage());
        }
        bot.close();
        core.close();
    }
}

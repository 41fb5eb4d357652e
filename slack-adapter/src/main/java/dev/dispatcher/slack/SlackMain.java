package dev.dispatcher.slack;

import dev.dispatcher.app.BotCore;
import dev.dispatcher.app.CoreSettings;
import dev.dispatcher.app.ExitStatus;
import dev.dispatcher.cli.BotArguments;
import dev.dispatcher.routing.ConfigException;
import dev.dispatcher.store.StoreException;
import dev.dispatcher.web.WebApp;
import dev.dispatcher.web.WebSettings;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.net.BindException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts the Slack bot ({@code ./dispatcher slack}): reads the settings, starts the core, wires the Bolt app and
 * serves it over HTTP or Socket Mode until the process is stopped. On SIGTERM (or Ctrl-C) it stops gracefully: no new
 * events, the acknowledged ones finished, the database closed (see {@link SlackProcess}). Bad configuration ends it at
 * once with exit code 2 and one sentence naming the variable; tokens and secrets are never printed.
 */
public final class SlackMain {

    static final int BAD_CONFIGURATION = ExitStatus.BAD_USAGE;
    static final int FAILED = ExitStatus.FAILED;

    /** How long the Web API may take to answer the start-up {@code auth.test}. */
    static final Duration API_TIMEOUT = Duration.ofSeconds(10);

    /** What {@code ./dispatcher slack --help} says. */
    static final List<String> HELP = List.of(
            "Runs the Slack bot until it is stopped (Ctrl-C or SIGTERM). Every setting comes from the environment:",
            "SLACK_BOT_TOKEN, and SLACK_SIGNING_SECRET (HTTP mode) or SLACK_APP_TOKEN (Socket Mode); the others",
            "are in slack-adapter/README.md and the main README.");

    private static final Logger STARTUP = LoggerFactory.getLogger("dispatcher.startup");

    private SlackMain() {}

    public static void main(String[] args) {
        int exit = run(args, System.getenv(), System.out, System.err);
        if (exit != 0) {
            System.exit(exit);
        }
    }

    /** Checks the arguments ({@code --help} is the only one), then runs the bot until it is stopped; returns the exit code. */
    static int run(String[] args, Map<String, String> env, PrintStream out, PrintStream err) {
        OptionalInt answered = BotArguments.check("./dispatcher slack", HELP, args, out, err);
        return answered.isPresent() ? answered.getAsInt() : run(env, err);
    }

    /** Runs the bot until it is stopped; returns the exit code. */
    static int run(Map<String, String> env, PrintStream err) {
        SlackSettings settings;
        CoreSettings coreSettings;
        Optional<WebSettings> web;
        try {
            settings = SlackSettings.fromEnvironment(env);
            coreSettings = CoreSettings.fromEnvironment(env);
            web = WebSettings.onAdminPort(env);
        } catch (IllegalArgumentException e) {
            return fail(err, BAD_CONFIGURATION, e.getMessage());
        }
        BotCore core;
        try {
            core = BotCore.start(coreSettings);
        } catch (ConfigException e) {
            return fail(err, BAD_CONFIGURATION, "the knowledge base cannot be used: " + e.getMessage());
        } catch (StoreException e) {
            return fail(err, BAD_CONFIGURATION, e.getMessage());
        }
        try {
            new SlackApiCheck(API_TIMEOUT).check(settings, SlackUserGroups.userGroups(coreSettings.teachers()));
        } catch (SlackApiCheck.StartFailure e) {
            core.close();
            return fail(err, e.exitStatus(), e.getMessage());
        }
        SlackProcess process;
        long readyAt;
        try {
            process = SlackProcess.start(settings, core);
            readyAt = System.currentTimeMillis();
        } catch (IllegalArgumentException e) {
            core.close();
            // Bolt's own auth.test, moments after SlackApiCheck's passed: whatever it says, it may pass on a retry.
            return fail(err, FAILED, "the Slack app could not start: " + e.getMessage());
        } catch (Exception e) {
            core.close();
            if (causedByBind(e)) {
                return fail(err, BAD_CONFIGURATION, "SLACK_PORT " + settings.port() + " is already in use; choose another port.");
            }
            return fail(err, FAILED, "stopped: " + e.getMessage());
        }
        web.ifPresent(page -> process.serveWeb(new WebApp(core, page)));
        Runtime.getRuntime().addShutdownHook(new Thread(process::close, "slack-shutdown"));
        core.reloadOnHangup();
        STARTUP.info("{}; ready {} ms after the JVM started", settings.mode() == SlackSettings.Mode.HTTP
                ? "dispatcher slack: HTTP mode, listening on port " + settings.port() + " at " + SlackConnection.EVENTS_PATH
                : "dispatcher slack: Socket Mode, connected to Slack", readyAt - ManagementFactory.getRuntimeMXBean().getStartTime());
        try {
            process.awaitStopped();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.close();
        }
        return 0;
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
}

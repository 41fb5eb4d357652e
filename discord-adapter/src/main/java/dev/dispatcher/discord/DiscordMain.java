package dev.dispatcher.discord;

import dev.dispatcher.app.BotCore;
import dev.dispatcher.app.CoreSettings;
import dev.dispatcher.app.ExitStatus;
import dev.dispatcher.cli.BotArguments;
import dev.dispatcher.ops.AdminServer;
import dev.dispatcher.web.WebApp;
import dev.dispatcher.web.WebSettings;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.BooleanSupplier;
import net.dv8tion.jda.api.exceptions.InvalidTokenException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the Discord bot: {@code ./dispatcher discord}. Reads the environment, starts the core, connects the shards and
 * serves the health endpoints; a bad configuration stops it with one message naming the variable and exit code 2. The
 * token is never printed. On SIGTERM it {@link GracefulShutdown shuts down gracefully}.
 */
public final class DiscordMain {

    /** Exit code for unusable configuration: a missing or rejected token, a bad variable, a bad knowledge base. */
    static final int BAD_CONFIGURATION = ExitStatus.BAD_USAGE;

    /** Exit code when Discord cannot be reached at start-up (network, outage); a supervisor may retry. */
    static final int CANNOT_CONNECT = ExitStatus.FAILED;

    /** How long a configured Discord address may take to accept a connection at start-up. */
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);

    /** What {@code ./dispatcher discord --help} says. */
    static final List<String> HELP = List.of(
            "Runs the Discord bot until it is stopped (Ctrl-C or SIGTERM). Every setting comes from the environment:",
            "DISCORD_TOKEN, and optionally DISCORD_GUILD_ID and DISCORD_SHARDS; the others are in",
            "discord-adapter/README.md and the main README.");

    private static final Logger LOG = LoggerFactory.getLogger(DiscordMain.class);

    private DiscordMain() {}

    public static void main(String[] args) {
        OptionalInt answered = BotArguments.check("./dispatcher discord", HELP, args, System.out, System.err);
        if (answered.isPresent()) {
            System.exit(answered.getAsInt());
        }
        try {
            Running bot = launch(System.getenv());
            // SIGTERM (docker stop, Kubernetes) runs this: finish the answers in flight, then disconnect and close.
            Runtime.getRuntime().addShutdownHook(new Thread(bot::close, "discord-shutdown"));
            // kill -HUP reloads the knowledge base rather than ending the bot.
            bot.core().reloadOnHangup();
        } catch (StartFailure e) {
            System.err.println("discord: " + e.getMessage());
            System.exit(e.exitCode());
        }
    }

    /**
     * Starts the bot; its threads keep the process alive until {@link Running#close()}.
     *
     * @throws StartFailure with the exit code and the one line to print when it cannot start
     */
    static Running launch(Map<String, String> env) {
        DiscordSettings settings;
        BotCore core;
        InFlightWork work = new InFlightWork();
        Optional<WebSettings> web;
        try {
            settings = DiscordSettings.fromEnvironment(env);
            web = WebSettings.onAdminPort(env);
            core = BotCore.start(CoreSettings.fromEnvironment(env));
        } catch (RuntimeException e) {
            throw new StartFailure(BAD_CONFIGURATION, e.getMessage());
        }
        String unreachable = unreachableEndpoint(settings);
        if (unreachable != null) {
            core.close();
            throw new StartFailure(CANNOT_CONNECT, unreachable);
        }
        DiscordBot bot;
        try {
            bot = DiscordBot.start(settings, core, work);
        } catch (InvalidTokenException e) {
            core.close();
            throw new StartFailure(BAD_CONFIGURATION, "Discord rejected DISCORD_TOKEN; copy the token again from the Bot"
                    + " page of your application in the developer portal");
        } catch (IllegalArgumentException e) {
            core.close();
            throw new StartFailure(BAD_CONFIGURATION, e.getMessage());
        } catch (RuntimeException e) {
            core.close();
            throw new StartFailure(CANNOT_CONNECT, "cannot reach Discord: " + e.getMessage());
        }
        AdminServer admin = startAdmin(core.settings().adminPort(), () -> work.isAdmitting() && bot.ready(), core);
        if (admin != null) {
            web.ifPresent(page -> admin.mount(new WebApp(core, page)));
        }
        return new Running(bot, core, admin, work);
    }

    /**
     * The configured Discord addresses, tried before JDA starts: JDA would retry an unreachable gateway for ever. A
     * supervisor restarting the process (exit code 1) retries with its own backoff instead.
     *
     * @return one line naming the variable and why it cannot be reached, or {@code null} when both answer
     */
    private static String unreachableEndpoint(DiscordSettings settings) {
        for (String[] endpoint : new String[][] {{"DISCORD_API_URL", settings.apiUrl()}, {"DISCORD_GATEWAY_URL", settings.gatewayUrl()}}) {
            if (endpoint[1] != null) {
                String why = DiscordEndpoints.unreachable(endpoint[1], CONNECT_TIMEOUT);
                if (why != null) {
                    return "cannot reach " + endpoint[0] + " " + endpoint[1] + ": " + why;
                }
            }
        }
        return null;
    }

    /**
     * Serves {@code /healthz}, {@code /readyz} (all shards of this process connected, and not shutting down) and
     * {@code /metrics}. A busy port (say, the Slack bot on the same machine) costs only the endpoints, not the bot:
     * the failure is logged and the bot runs on.
     */
    private static AdminServer startAdmin(int port, BooleanSupplier ready, BotCore core) {
        try {
            return AdminServer.start(port, ready, core.metrics());
        } catch (IOException | RuntimeException e) {
            LOG.warn("discord: no /healthz, /readyz or /metrics: cannot listen on DISPATCHER_ADMIN_PORT {} ({})", port, e.getMessage());
            return null;
        }
    }

    /**
     * A started bot.
     *
     * @param bot   the connected (or connecting) shards and their pipeline
     * @param core  the core they answer with
     * @param admin the health endpoints, or {@code null} when their port was taken
     * @param work  the events and requests in flight, and whether new events are taken
     */
    record Running(DiscordBot bot, BotCore core, AdminServer admin, InFlightWork work) implements AutoCloseable {

        /** The JVM shutdown hook's job: see {@link GracefulShutdown}. */
        @Override
        public void close() {
            new GracefulShutdown(work, bot, admin, core).run();
        }
    }

    /** Why the bot could not start, and the exit code that says so. */
    static final class StartFailure extends RuntimeException {

        private final int exitCode;

        StartFailure(int exitCode, String message) {
            super(message);
            this.exitCode = exitCode;
        }

        int exitCode() {
            return exitCode;
        }
    }
}

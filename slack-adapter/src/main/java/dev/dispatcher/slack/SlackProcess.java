package dev.dispatcher.slack;

import dev.dispatcher.app.BotCore;
import dev.dispatcher.conversation.Workers;
import dev.dispatcher.ops.AdminServer;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running Slack bot: the Bolt app on its connection, the admin endpoints ({@code /healthz}, {@code /readyz},
 * {@code /metrics} on {@code DISPATCHER_ADMIN_PORT}) and the core. It knows the order they stop in, so that no
 * acknowledged event is lost: stop taking events ({@code /readyz} turns 503, the port closes), finish the work already
 * acknowledged (at most {@link BackgroundWork#DRAIN_LIMIT}), then close the database. Thread-safe.
 */
final class SlackProcess implements AutoCloseable {

    private static final Logger STARTUP = LoggerFactory.getLogger("dispatcher.startup");
    private static final Logger LOG = LoggerFactory.getLogger(SlackProcess.class);

    private final BotCore core;
    private final SlackBot bot;
    private final SlackConnection connection;
    private final AtomicBoolean stopping = new AtomicBoolean();
    private final CountDownLatch stopped = new CountDownLatch(1);
    private volatile AdminServer admin;

    private SlackProcess(BotCore core, SlackBot bot, SlackConnection connection) {
        this.core = core;
        this.bot = bot;
        this.connection = connection;
    }

    /**
     * Serves the admin endpoints (not ready yet), connects to Slack, and returns once events can arrive. From then on
     * the process owns {@code core} and closes it last. If it cannot start, what it opened is closed and the core is
     * left to the caller.
     *
     * @throws IllegalArgumentException when Slack refuses the bot token
     * @throws Exception                when the connection cannot be opened, e.g. the port is taken
     */
    static SlackProcess start(SlackSettings settings, BotCore core) throws Exception {
        SlackBot bot = SlackBot.create(settings, core);
        SlackProcess process = new SlackProcess(core, bot, SlackConnection.of(settings, bot.app()));
        process.admin = startAdmin(core, process);
        try {
            process.connection.start();
            bot.pipeline().startResuming();   // work a crash left behind, here or on another replica
        } catch (Exception | Error e) {
            process.closeAdmin();
            bot.close();
            throw e;
        }
        return process;
    }

    /**
     * The admin endpoints; a taken port costs only them, not the bot (another bot process on this machine may hold
     * the default 9090): the failure is logged and the bot runs on.
     */
    private static AdminServer startAdmin(BotCore core, SlackProcess process) {
        int port = core.settings().adminPort();
        try {
            return AdminServer.start(port, process::ready, core.metrics());   // logs its port
        } catch (IOException | RuntimeException e) {
            LOG.warn("dispatcher slack: no /healthz, /readyz or /metrics: cannot listen on DISPATCHER_ADMIN_PORT {} ({})",
                    port, e.getMessage());
            return null;
        }
    }

    /** Serves the web page on the admin port too ({@code DISPATCHER_WEB=on}), when the admin endpoints could start. */
    void serveWeb(com.sun.net.httpserver.HttpHandler page) {
        AdminServer current = admin;
        if (current != null) {
            current.mount(page);
        }
    }

    /** Whether the bot takes events now: connected to Slack, not shutting down, and a worker or queue slot free. */
    boolean ready() {
        return !stopping.get() && connection.serving() && !bot.pipeline().full();
    }

    /** The port of the admin endpoints, or -1 when they could not be served. */
    int adminPort() {
        AdminServer current = admin;
        return current == null ? -1 : current.port();
    }

    SlackConnection connection() {
        return connection;
    }

    /** Waits for {@link #close()} to finish, whoever called it. */
    void awaitStopped() throws InterruptedException {
        stopped.await();
    }

    /** Waits until every acknowledged event has been handled; for tests. */
    boolean awaitIdle(Duration timeout) throws InterruptedException {
        return bot.awaitIdle(timeout);
    }

    /**
     * Stops gracefully, in order: not ready, no new events, the acknowledged ones finished, the admin endpoints and the
     * database closed. A second call waits for the first.
     */
    @Override
    public void close() {
        if (!stopping.compareAndSet(false, true)) {
            awaitQuietly();
            return;
        }
        long start = System.nanoTime();
        STARTUP.info("dispatcher slack: stopping; finishing the events already acknowledged");
        try {
            stopConnection();
            boolean finished = bot.finish(Workers.DRAIN_LIMIT);
            closeAdmin();
            core.close();
            STARTUP.info("dispatcher slack: stopped in {} ms{}", Duration.ofNanos(System.nanoTime() - start).toMillis(),
                    finished ? "" : " (some acknowledged events were abandoned; see the error above)");
        } finally {
            stopped.countDown();
        }
    }

    private void stopConnection() {
        try {
            connection.stop();
        } catch (Exception e) {
            LOG.error("dispatcher slack: stopping the Slack connection failed: {}", e.getMessage(), e);
        }
    }

    private void closeAdmin() {
        AdminServer current = admin;
        if (current != null) {
            current.close();
        }
    }

    private void awaitQuietly() {
        try {
            awaitStopped();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

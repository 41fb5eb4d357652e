package dev.dispatcher.slack;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dispatcher.app.BotCore;
import dev.dispatcher.app.CoreSettings;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * The real Slack bot — core, Bolt app, Jetty on a free loopback port, admin endpoints on another — wired to a
 * {@link FakeSlackApi} and its own SQLite file by {@link SlackProcess}, as {@code SlackMain} wires it. Tests talk to it
 * through {@link #slack()} and read its admin endpoints through {@link #admin()}.
 */
final class BotUnderTest implements AutoCloseable {

    static final String BOT_TOKEN = "xoxb-test-not-a-token";

    private final FakeSlackApi fake;
    private final String databaseUrl;
    private final BotCore core;
    private final SlackProcess process;
    private final SlackRequests slack;
    private final AdminRequests admin;

    private BotUnderTest(FakeSlackApi fake, String databaseUrl) throws Exception {
        this.fake = fake;
        this.databaseUrl = databaseUrl;
        Map<String, String> env = environment(fake, databaseUrl, freePort());
        SlackSettings settings = SlackSettings.fromEnvironment(env);
        this.core = BotCore.start(CoreSettings.fromEnvironment(env));
        try {
            this.process = SlackProcess.start(settings, core);
        } catch (Exception | Error e) {
            core.close();
            throw e;
        }
        this.slack = new SlackRequests(((HttpConnection) process.connection()).port());
        this.admin = new AdminRequests(process.adminPort());
    }

    /** Starts a bot whose database lives in {@code dataDir}. */
    static BotUnderTest start(FakeSlackApi fake, Path dataDir) throws Exception {
        return new BotUnderTest(fake, "jdbc:sqlite:" + dataDir.resolve("t.db"));
    }

    /** Starts a bot on a given database, e.g. one of several replicas sharing a PostgreSQL database. */
    static BotUnderTest startOn(FakeSlackApi fake, String databaseUrl) throws Exception {
        return new BotUnderTest(fake, databaseUrl);
    }

    /** The environment {@code ./dispatcher slack} would be given, pointing at the fake and a test database. */
    static Map<String, String> environment(FakeSlackApi fake, Path dataDir, int port) {
        return environment(fake, "jdbc:sqlite:" + dataDir.resolve("t.db"), port);
    }

    /** The same, on any database; the admin endpoints on a free port. */
    static Map<String, String> environment(FakeSlackApi fake, String databaseUrl, int port) {
        Map<String, String> env = new HashMap<>();
        env.put("SLACK_BOT_TOKEN", BOT_TOKEN);
        env.put("SLACK_SIGNING_SECRET", SlackRequests.SIGNING_SECRET);
        env.put("SLACK_PORT", String.valueOf(port));
        env.put("SLACK_API_URL", fake.apiUrl());
        env.put("DISPATCHER_DB_URL", databaseUrl);
        env.put("DISPATCHER_ADMIN_PORT", "0");
        env.put("DISPATCHER_HOME", System.getProperty("dispatcher.root", "../"));
        return env;
    }

    /** Stops this bot and starts a new process-like one on the same database. */
    BotUnderTest restart() throws Exception {
        close();
        return new BotUnderTest(fake, databaseUrl);
    }

    SlackRequests slack() {
        return slack;
    }

    /** {@code /healthz}, {@code /readyz} and {@code /metrics} of this bot. */
    AdminRequests admin() {
        return admin;
    }

    BotCore core() {
        return core;
    }

    /** Waits until every acknowledged request has been handled completely (posts included). */
    void awaitIdle() throws InterruptedException {
        assertThat(process.awaitIdle(Duration.ofSeconds(40))).as("bot finished its work").isTrue();
    }

    /** Stops the bot the way SIGTERM does: no new events, acknowledged ones finished, database closed. */
    @Override
    public void close() {
        process.close();
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 0, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}

package dev.dispatcher.slack;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dispatcher.app.BotCore;
import dev.dispatcher.app.CoreSettings;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;

/**
 * The real Slack bot — core, Bolt app, Jetty on a free loopback port — wired to a {@link FakeSlackApi} and its own
 * SQLite file, the way {@code SlackMain} wires it. Tests talk to it through {@link #slack()}.
 */
final class BotUnderTest implements AutoCloseable {

    static final String BOT_TOKEN = "xoxb-test-not-a-token";

    private final FakeSlackApi fake;
    private final String databaseUrl;
    private final BotCore core;
    private final SlackBot bot;
    private final HttpConnection connection;
    private final Thread serving;
    private final SlackRequests slack;

    private BotUnderTest(FakeSlackApi fake, String databaseUrl) throws IOException {
        this.fake = fake;
        this.databaseUrl = databaseUrl;
        Map<String, String> env = environment(fake, databaseUrl, freePort());
        SlackSettings settings = SlackSettings.fromEnvironment(env);
        this.core = BotCore.start(CoreSettings.fromEnvironment(env));
        this.bot = SlackBot.create(settings, core);
        this.connection = (HttpConnection) SlackConnection.of(settings, bot.app());
        this.serving = new Thread(() -> {
            try {
                connection.start();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }, "bot-under-test");
        serving.setDaemon(true);
        serving.start();
        awaitListening(connection.port());
        this.slack = new SlackRequests(connection.port());
    }

    /** Starts a bot whose database lives in {@code dataDir}. */
    static BotUnderTest start(FakeSlackApi fake, Path dataDir) throws IOException {
        return new BotUnderTest(fake, "jdbc:sqlite:" + dataDir.resolve("t.db"));
    }

    /** Starts a bot on a given database, e.g. one of several replicas sharing a PostgreSQL database. */
    static BotUnderTest startOn(FakeSlackApi fake, String databaseUrl) throws IOException {
        return new BotUnderTest(fake, databaseUrl);
    }

    /** The environment {@code ./dispatcher slack} would be given, pointing at the fake and a test database. */
    static Map<String, String> environment(FakeSlackApi fake, Path dataDir, int port) {
        return environment(fake, "jdbc:sqlite:" + dataDir.resolve("t.db"), port);
    }

    /** The same, on any database. */
    static Map<String, String> environment(FakeSlackApi fake, String databaseUrl, int port) {
        Map<String, String> env = new HashMap<>();
        env.put("SLACK_BOT_TOKEN", BOT_TOKEN);
        env.put("SLACK_SIGNING_SECRET", SlackRequests.SIGNING_SECRET);
        env.put("SLACK_PORT", String.valueOf(port));
        env.put("SLACK_API_URL", fake.apiUrl());
        env.put("DISPATCHER_DB_URL", databaseUrl);
        env.put("DISPATCHER_HOME", System.getProperty("dispatcher.root", "../"));
        return env;
    }

    /** Stops this bot and starts a new process-like one on the same database. */
    BotUnderTest restart() throws IOException {
        close();
        return new BotUnderTest(fake, databaseUrl);
    }

    SlackRequests slack() {
        return slack;
    }

    BotCore core() {
        return core;
    }

    /** Waits until every acknowledged request has been handled completely (posts included). */
    void awaitIdle() throws InterruptedException {
        assertThat(bot.awaitIdle(Duration.ofSeconds(40))).as("bot finished its work").isTrue();
    }

    @Override
    public void close() {
        try {
            connection.stop();
            serving.join(10_000);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        } finally {
            bot.close();
            core.close();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 0, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static void awaitListening(int port) {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < deadline) {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return;
            } catch (IOException notYet) {
                LockSupport.parkNanos(Duration.ofMillis(20).toNanos());
            }
        }
        throw new AssertionError("the bot did not listen on port " + port + " within 20 s");
    }
}

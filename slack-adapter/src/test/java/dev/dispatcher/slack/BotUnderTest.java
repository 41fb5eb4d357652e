package dev.dispatcher.slack;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dispatcher.app.BotCore;
import dev.dispatcher.app.CoreSettings;
import dev.dispatcher.testkit.AdminRequests;
import dev.dispatcher.testkit.ReadyBot;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * The real Slack bot — core, Bolt app, Jetty on a free loopback port (or a Socket Mode connection), admin endpoints on
 * another — wired to a {@link FakeSlackApi} and its own SQLite file by {@link SlackProcess}, as {@code SlackMain} wires
 * it. Tests talk to it in HTTP mode through {@link #slack()} and read its admin endpoints through {@link #admin()}.
 */
final class BotUnderTest implements AutoCloseable {

    static final String BOT_TOKEN = "xoxb-test-not-a-token";
    static final String APP_TOKEN = "xapp-test-not-a-token";

    private final FakeSlackApi fake;
    private final Map<String, String> env;
    private final BotCore core;
    private final SlackProcess process;
    private final SlackRequests slack;
    private final AdminRequests admin;

    private BotUnderTest(FakeSlackApi fake, Map<String, String> env) throws Exception {
        this.fake = fake;
        this.env = env;
        SlackSettings settings = SlackSettings.fromEnvironment(env);
        this.core = BotCore.start(CoreSettings.fromEnvironment(env));
        try {
            this.process = SlackProcess.start(settings, core);
        } catch (Exception | Error e) {
            core.close();
            throw e;
        }
        this.slack = process.connection() instanceof HttpConnection http ? new SlackRequests(http.port()) : null;
        this.admin = new AdminRequests(process.adminPort());
    }

    /** Starts a bot whose database lives in {@code dataDir}. */
    static BotUnderTest start(FakeSlackApi fake, Path dataDir) throws Exception {
        return startOn(fake, "jdbc:sqlite:" + dataDir.resolve("t.db"));
    }

    /** Starts a bot on a given database, e.g. one of several replicas sharing a PostgreSQL database. */
    static BotUnderTest startOn(FakeSlackApi fake, String databaseUrl) throws Exception {
        return new BotUnderTest(fake, environment(fake, databaseUrl, ReadyBot.freePort()));
    }

    /** Starts a bot whose database lives in {@code dataDir}, with some settings of its own ({@code SLACK_WORKERS=1}). */
    static BotUnderTest startWith(FakeSlackApi fake, Path dataDir, Map<String, String> settings) throws Exception {
        Map<String, String> env = environment(fake, dataDir, ReadyBot.freePort());
        env.putAll(settings);
        return new BotUnderTest(fake, env);
    }

    /**
     * Starts a bot in Socket Mode, as an app token without a signing secret selects it: it opens the WebSocket that the
     * fake's {@code apps.connections.open} names ({@link FakeSlackApi#openSocketsAt(String)}).
     */
    static BotUnderTest startInSocketMode(FakeSlackApi fake, Path dataDir) throws Exception {
        Map<String, String> env = environment(fake, dataDir, ReadyBot.freePort());
        env.remove("SLACK_SIGNING_SECRET");
        env.put("SLACK_APP_TOKEN", APP_TOKEN);
        return new BotUnderTest(fake, env);
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
        // The routing reply alone: the specialist's answer after it is specified by SpecialistAnswerTest.
        env.put("DISPATCHER_ANSWER_CHANNELS", "none");
        return env;
    }

    /** Stops this bot and starts a new process-like one with the same settings, on the same database. */
    BotUnderTest restart() throws Exception {
        close();
        return new BotUnderTest(fake, env);
    }

    /** Sends the bot what Slack would send to {@code /slack/events}; {@code null} in Socket Mode. */
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
}

package dev.dispatcher.slack;

import dev.dispatcher.testkit.AdminRequests;
import dev.dispatcher.testkit.JavaProcess;
import dev.dispatcher.testkit.ReadyBot;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The real {@link SlackMain} in a JVM of its own, in HTTP mode, on free loopback ports, pointed at a
 * {@link FakeSlackApi} and a database, with the given secrets: what {@code ./dispatcher slack} runs. Started means
 * ready: {@code /readyz} answered 200.
 */
final class SlackMainProcess implements AutoCloseable {

    private static final Duration START_LIMIT = Duration.ofSeconds(60);

    private final JavaProcess process;
    private final SlackRequests slack;
    private final AdminRequests admin;

    private SlackMainProcess(JavaProcess process, SlackRequests slack, AdminRequests admin) {
        this.process = process;
        this.slack = slack;
        this.admin = admin;
    }

    /**
     * Starts {@code SlackMain} and waits until it is ready.
     *
     * @param settings extra or overriding environment variables, e.g. {@code DISPATCHER_LOG_FORMAT=json}
     * @param output   file that receives its stdout and stderr
     */
    static SlackMainProcess start(FakeSlackApi fake, String databaseUrl, String botToken, String signingSecret,
                                  Map<String, String> settings, Path output) throws IOException {
        int slackPort = ReadyBot.freePort();
        int adminPort = ReadyBot.freePort();
        Map<String, String> env = new HashMap<>(BotUnderTest.environment(fake, databaseUrl, slackPort));
        env.put("SLACK_BOT_TOKEN", botToken);
        env.put("SLACK_SIGNING_SECRET", signingSecret);
        env.put("DISPATCHER_ADMIN_PORT", String.valueOf(adminPort));
        env.put("DISPATCHER_HOME", Path.of(System.getProperty("dispatcher.root", "..")).toAbsolutePath().toString());
        env.putAll(settings);
        JavaProcess process = JavaProcess.start(SlackMain.class.getName(), env, List.of("-XX:TieredStopAtLevel=1"), output);
        SlackMainProcess started = new SlackMainProcess(process, new SlackRequests(slackPort, signingSecret), new AdminRequests(adminPort));
        try {
            started.admin.awaitStatus("/readyz", 200, START_LIMIT);
        } catch (AssertionError e) {
            process.close();
            throw new AssertionError(e.getMessage() + "; output:\n" + process.output(), e);
        }
        return started;
    }

    SlackRequests slack() {
        return slack;
    }

    AdminRequests admin() {
        return admin;
    }

    /** Its process id, for signals such as {@code kill -HUP}. */
    long pid() {
        return process.pid();
    }

    /** Whether it still runs. */
    boolean isAlive() {
        return process.isAlive();
    }

    /** Sends SIGTERM and waits for the process to end; returns its exit code. */
    int terminate() throws InterruptedException {
        process.terminate();
        return process.awaitExit(Duration.ofSeconds(60));
    }

    /** Sends SIGKILL: no shutdown hook, nothing finished; returns its exit code. */
    int kill() throws InterruptedException {
        return process.kill();
    }

    /** What it printed, stdout and stderr. */
    String output() throws IOException {
        return process.output();
    }

    @Override
    public void close() {
        process.close();
    }
}

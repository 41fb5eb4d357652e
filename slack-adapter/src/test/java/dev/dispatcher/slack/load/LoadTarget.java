package dev.dispatcher.slack.load;

import dev.dispatcher.testkit.AdminRequests;
import dev.dispatcher.testkit.JavaProcess;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;

/**
 * One Slack app under load, in a JVM of its own on loopback ports: the real bot ({@code SlackMain}) or the no-op app.
 * Started means ready ({@code /readyz} answered 200), and the time that took is kept.
 */
final class LoadTarget implements AutoCloseable {

    static final String SIGNING_SECRET = "load-run-signing-secret";
    static final String BOT_TOKEN = "xoxb-load-run-not-a-token";


    private final String name;
    private final JavaProcess process;
    private final int slackPort;
    private final AdminRequests admin;
    private final Duration readyAfter;

    private LoadTarget(String name, JavaProcess process, int slackPort, int adminPort, Duration readyAfter) {
        this.name = name;
        this.process = process;
        this.slackPort = slackPort;
        this.admin = new AdminRequests(adminPort);
        this.readyAfter = readyAfter;
    }

    /**
     * Starts {@code mainClass} with the Slack settings of the run and {@code settings} on top, and waits until ready.
     *
     * @param apiUrl the fake Web API
     */
    static LoadTarget start(String name, String mainClass, String apiUrl, Map<String, String> settings,
                            List<String> jvmOptions, Path output) throws IOException {
        int slackPort = freePort();
        int adminPort = freePort();
        Map<String, String> env = new HashMap<>();
        env.put("SLACK_BOT_TOKEN", BOT_TOKEN);
        env.put("SLACK_SIGNING_SECRET", SIGNING_SECRET);
        env.put("SLACK_PORT", String.valueOf(slackPort));
        env.put("SLACK_API_URL", apiUrl);
        env.put("DISPATCHER_ADMIN_PORT", String.valueOf(adminPort));
        env.putAll(settings);
        JavaProcess process = JavaProcess.start(mainClass, env, jvmOptions, output);
        LoadTarget target = new LoadTarget(name, process, slackPort, adminPort, null);
        Duration ready = target.awaitReady(Duration.ofSeconds(60));
        return new LoadTarget(name, process, slackPort, adminPort, ready);
    }

    private Duration awaitReady(Duration limit) throws IOException {
        while (process.age().compareTo(limit) < 0) {
            if (admin.status("/readyz") == 200) {
                return process.age();
            }
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited during start-up:\n" + process.output());
            }
            LockSupport.parkNanos(Duration.ofMillis(5).toNanos());
        }
        process.close();
        throw new IllegalStateException(name + " was not ready within " + limit + ":\n" + process.output());
    }

    String name() {
        return name;
    }

    long pid() {
        return process.pid();
    }

    /** From launching the JVM to the first {@code /readyz} 200. */
    Duration readyAfter() {
        return readyAfter;
    }

    URI events() {
        return URI.create("http://127.0.0.1:" + slackPort + "/slack/events");
    }

    /** Resident memory now, in MiB. */
    double residentMib() throws IOException {
        return process.residentKib() / 1024.0;
    }

    /** The sum of the samples of one series of {@code /metrics}, e.g. {@code dispatcher_tasks_routed_total}. */
    double metric(String name) throws IOException {
        try {
            return admin.sample(name);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    /** Stops it with SIGTERM, as an orchestrator does, and waits for it to exit. */
    int stop() throws InterruptedException {
        process.terminate();
        return process.awaitExit(Duration.ofSeconds(60));
    }

    @Override
    public void close() {
        process.close();
    }



    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 0, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}

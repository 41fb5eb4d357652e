package dev.dispatcher.testkit;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;

/**
 * A bot (or a baseline app) in a JVM of its own with an admin port on loopback, started and waited for until ready
 * ({@code /readyz} answered 200), the time that took kept: what the Slack and Discord load runs measure.
 */
public final class ReadyBot implements AutoCloseable {

    private final String name;
    private final JavaProcess process;
    private final AdminRequests admin;
    private final Duration readyAfter;

    private ReadyBot(String name, JavaProcess process, AdminRequests admin, Duration readyAfter) {
        this.name = name;
        this.process = process;
        this.admin = admin;
        this.readyAfter = readyAfter;
    }

    /**
     * Starts {@code mainClass} with {@code settings} and a free admin port, and waits up to a minute until it is ready.
     *
     * @param output file that receives its stdout and stderr
     */
    public static ReadyBot start(String name, String mainClass, Map<String, String> settings, List<String> jvmOptions,
                                 Path output) throws IOException {
        int adminPort = freePort();
        Map<String, String> env = new HashMap<>(settings);
        env.put("DISPATCHER_ADMIN_PORT", String.valueOf(adminPort));
        JavaProcess process = JavaProcess.start(mainClass, env, jvmOptions, output);
        AdminRequests admin = new AdminRequests(adminPort);
        return new ReadyBot(name, process, admin, awaitReady(name, process, admin, Duration.ofSeconds(60)));
    }

    private static Duration awaitReady(String name, JavaProcess process, AdminRequests admin, Duration limit)
            throws IOException {
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

    /** A port nothing listens on now, on loopback. */
    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 0, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    public String name() {
        return name;
    }

    public JavaProcess process() {
        return process;
    }

    public long pid() {
        return process.pid();
    }

    /** From launching the JVM to the first {@code /readyz} 200. */
    public Duration readyAfter() {
        return readyAfter;
    }

    /** Resident memory now ({@code VmRSS}), in MiB. */
    public double residentMib() throws IOException {
        return process.residentKib() / 1024.0;
    }

    /** The sum of the samples of one series of {@code /metrics}, e.g. {@code dispatcher_tasks_routed_total}. */
    public double metric(String series) throws IOException {
        try {
            return admin.sample(series);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    /** Stops it with SIGTERM, as an orchestrator does, and waits for it to exit. */
    public int stop() throws InterruptedException {
        process.terminate();
        return process.awaitExit(Duration.ofSeconds(60));
    }

    @Override
    public void close() {
        process.close();
    }
}

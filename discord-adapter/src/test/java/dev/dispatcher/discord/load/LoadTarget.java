package dev.dispatcher.discord.load;

import dev.dispatcher.testkit.AdminRequests;
import dev.dispatcher.testkit.JavaProcess;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;

/**
 * One Discord bot under load, in a JVM of its own, connected to the fake Discord: the real bot ({@code DiscordMain})
 * or the baseline JDA bot. Started means ready ({@code /readyz} on its admin port answered 200: every shard
 * connected), and the time that took, from launching the JVM, is kept.
 */
final class LoadTarget implements AutoCloseable {


    private final String name;
    private final JavaProcess process;
    private final AdminRequests admin;
    private final Duration readyAfter;

    private LoadTarget(String name, JavaProcess process, int adminPort, Duration readyAfter) {
        this.name = name;
        this.process = process;
        this.admin = new AdminRequests(adminPort);
        this.readyAfter = readyAfter;
    }

    /**
     * Starts {@code mainClass} with {@code settings} (the fake Discord's and the core's) on a free admin port, and
     * waits until it is ready.
     */
    static LoadTarget start(String name, String mainClass, Map<String, String> settings, List<String> jvmOptions,
                            Path output) throws IOException {
        int adminPort = freePort();
        Map<String, String> env = new HashMap<>(settings);
        env.put("DISPATCHER_ADMIN_PORT", String.valueOf(adminPort));
        JavaProcess process = JavaProcess.start(mainClass, env, jvmOptions, output);
        LoadTarget starting = new LoadTarget(name, process, adminPort, null);
        return new LoadTarget(name, process, adminPort, starting.awaitReady(Duration.ofSeconds(60)));
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

    /** Resident memory now ({@code VmRSS}), in MiB. */
    double residentMib() throws IOException {
        return process.residentKib() / 1024.0;
    }

    /** The most it was ever resident ({@code VmHWM}), in MiB. */
    double peakResidentMib() throws IOException {
        return process.peakResidentKib() / 1024.0;
    }

    /** How many threads it runs now. */
    long threads() throws IOException {
        return process.threads();
    }

    /**
     * Writes what the JVM says about its memory to {@code file}: the heap ({@code GC.heap_info}), native memory by
     * category ({@code VM.native_memory summary}, when launched with {@code -XX:NativeMemoryTracking=summary}) and the
     * classes taking the most heap ({@code GC.class_histogram}, which runs a full collection first: read VmRSS before).
     */
    void saveMemoryDiagnostics(Path file) throws IOException, InterruptedException {
        StringBuilder text = new StringBuilder("### /proc/" + pid() + "/status\n\n");
        Files.readAllLines(Path.of("/proc", String.valueOf(pid()), "status")).stream()
                .filter(line -> line.startsWith("Vm") || line.startsWith("Rss") || line.startsWith("Threads"))
                .forEach(line -> text.append(line).append('\n'));
        text.append("\n### the largest resident mappings (/proc/").append(pid()).append("/smaps), KiB\n\n")
                .append(largestMappings(20)).append('\n');
        for (String command : List.of("GC.heap_info", "VM.native_memory summary", "GC.class_histogram")) {
            String printed = process.jcmd(command);
            if (command.equals("GC.class_histogram")) {
                printed = String.join("\n", printed.lines().limit(40).toList()) + "\n…\n";
            }
            text.append("### jcmd ").append(command).append("\n\n").append(printed).append("\n");
        }
        Files.writeString(file, text);
    }

    /** Resident KiB by mapping (anonymous ones by address), the largest first, from {@code /proc/<pid>/smaps}. */
    private String largestMappings(int count) throws IOException {
        Map<String, Long> resident = new HashMap<>();
        String mapping = null;
        for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid()), "smaps"))) {
            if (line.matches("^[0-9a-f]+-[0-9a-f]+ .*")) {
                String[] fields = line.trim().split("\\s+", 6);
                mapping = fields.length == 6 ? fields[5] : "[anonymous " + fields[0] + "]";
            } else if (line.startsWith("Rss:") && mapping != null) {
                resident.merge(mapping, Long.parseLong(line.replaceAll("[^0-9]", "")), Long::sum);
            }
        }
        StringBuilder text = new StringBuilder();
        resident.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(count)
                .forEach(e -> text.append(String.format("%8d  %s%n", e.getValue(), e.getKey())));
        return text.toString();
    }

    /** The sum of the samples of one series of {@code /metrics}, e.g. {@code dispatcher_tasks_routed_total}. */
    double metric(String series) throws IOException {
        try {
            return admin.sample(series);
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
        try (ServerSocket socket = new ServerSocket(0, 0, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}

package dev.dispatcher.testkit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A Java main class run in a JVM of its own, as an operator runs it: on this test classpath, with exactly the given
 * environment, its stdout and stderr together in one file, and stopped with SIGTERM ({@link Process#destroy()}).
 */
public final class JavaProcess implements AutoCloseable {

    private final Process process;
    private final Path output;
    private final long startedNanos;

    private JavaProcess(Process process, Path output, long startedNanos) {
        this.process = process;
        this.output = output;
        this.startedNanos = startedNanos;
    }

    /**
     * Starts {@code mainClass}.
     *
     * @param env        the whole environment of the child (plus {@code PATH})
     * @param jvmOptions e.g. {@code -Xmx128m}
     * @param output     file that receives stdout and stderr
     */
    public static JavaProcess start(String mainClass, Map<String, String> env, List<String> jvmOptions, Path output)
            throws IOException {
        return start(mainClass, List.of(), env, jvmOptions, output);
    }

    /**
     * Starts {@code mainClass} with arguments.
     *
     * @param args       what the operator typed after the command, e.g. {@code --help}
     * @param env        the whole environment of the child (plus {@code PATH})
     * @param jvmOptions e.g. {@code -Xmx128m}
     * @param output     file that receives stdout and stderr
     */
    public static JavaProcess start(String mainClass, List<String> args, Map<String, String> env, List<String> jvmOptions,
                                    Path output) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(mainClass);
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(output.toFile());
        Map<String, String> childEnv = builder.environment();
        String path = childEnv.get("PATH");
        childEnv.clear();
        if (path != null) {
            childEnv.put("PATH", path);
        }
        childEnv.putAll(env);
        long started = System.nanoTime();
        return new JavaProcess(builder.start(), output, started);
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** Time since {@link #start} launched it. */
    public Duration age() {
        return Duration.ofNanos(System.nanoTime() - startedNanos);
    }

    /** Sends SIGTERM, as {@code docker stop} and Kubernetes do. */
    public void terminate() {
        process.destroy();
    }

    /**
     * Sends SIGKILL, as the kernel's OOM killer or a node drain past its grace period does: no shutdown hook runs.
     *
     * @return the exit code (137)
     */
    public int kill() throws InterruptedException {
        process.destroyForcibly();
        return awaitExit(Duration.ofSeconds(30));
    }

    /**
     * Waits for the process to end and returns its exit code (143 after SIGTERM).
     *
     * @throws AssertionError when it is still running after {@code timeout}; it is then killed
     */
    public int awaitExit(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("the process did not exit within " + timeout + "; output:\n" + outputQuietly());
        }
        return process.exitValue();
    }

    /** Everything it printed so far, stdout and stderr interleaved. */
    public String output() throws IOException {
        return Files.readString(output, StandardCharsets.UTF_8);
    }

    private String outputQuietly() {
        try {
            return output();
        } catch (IOException e) {
            return "(unreadable: " + e.getMessage() + ")";
        }
    }

    /** Its resident memory now ({@code VmRSS} in {@code /proc/<pid>/status}), in kibibytes; Linux only. */
    public long residentKib() throws IOException {
        return status("VmRSS:");
    }

    /** The most it was ever resident ({@code VmHWM}, the high-water mark), in kibibytes; Linux only. */
    public long peakResidentKib() throws IOException {
        return status("VmHWM:");
    }

    /** How many threads it runs now ({@code Threads} in {@code /proc/<pid>/status}); Linux only. */
    public long threads() throws IOException {
        return status("Threads:");
    }

    /**
     * Runs {@code jcmd <pid> command} (a diagnostic command such as {@code GC.heap_info}) and returns what it printed.
     */
    public String jcmd(String command) throws IOException, InterruptedException {
        Process jcmd = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                String.valueOf(process.pid()), command).redirectErrorStream(true).start();
        String printed = new String(jcmd.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        jcmd.waitFor(30, TimeUnit.SECONDS);
        return printed;
    }

    private long status(String field) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(process.pid()), "status"))) {
            if (line.startsWith(field)) {
                return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        throw new IOException("no " + field + " for process " + process.pid());
    }

    /** Kills it if it still runs. */
    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroyForcibly();
        }
    }
}

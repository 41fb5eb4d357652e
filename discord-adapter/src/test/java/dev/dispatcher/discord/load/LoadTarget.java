package dev.dispatcher.discord.load;

import dev.dispatcher.testkit.ReadyBot;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One Discord bot under load, in a JVM of its own, connected to the fake Discord: the real bot ({@code DiscordMain})
 * or the baseline JDA bot. Started means ready ({@link ReadyBot}: every shard connected); what is added here is what
 * the Discord run reports of memory and threads.
 */
final class LoadTarget implements AutoCloseable {

    private final ReadyBot bot;

    private LoadTarget(ReadyBot bot) {
        this.bot = bot;
    }

    /** Starts {@code mainClass} with {@code settings} (the fake Discord's and the core's), and waits until it is ready. */
    static LoadTarget start(String name, String mainClass, Map<String, String> settings, List<String> jvmOptions,
                            Path output) throws IOException {
        return new LoadTarget(ReadyBot.start(name, mainClass, settings, jvmOptions, output));
    }

    String name() {
        return bot.name();
    }

    long pid() {
        return bot.pid();
    }

    /** From launching the JVM to the first {@code /readyz} 200. */
    Duration readyAfter() {
        return bot.readyAfter();
    }

    /** Resident memory now ({@code VmRSS}), in MiB. */
    double residentMib() throws IOException {
        return bot.residentMib();
    }

    /** The most it was ever resident ({@code VmHWM}), in MiB. */
    double peakResidentMib() throws IOException {
        return bot.process().peakResidentKib() / 1024.0;
    }

    /** How many threads it runs now. */
    long threads() throws IOException {
        return bot.process().threads();
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
            String printed = bot.process().jcmd(command);
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
        return bot.metric(series);
    }

    /** Stops it with SIGTERM, as an orchestrator does, and waits for it to exit. */
    int stop() throws InterruptedException {
        return bot.stop();
    }

    @Override
    public void close() {
        bot.close();
    }
}

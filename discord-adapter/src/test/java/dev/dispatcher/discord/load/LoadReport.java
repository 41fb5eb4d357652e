package dev.dispatcher.discord.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The Discord load run's results as Markdown tables, with the machine and the settings they were measured with. */
final class LoadReport {

    private final List<String> jvmOptions;
    private final String databaseUrl;
    private final int perSecond;
    private final int tasks;
    private final Map<String, List<Duration>> readyAfter = new LinkedHashMap<>();
    private final Map<String, List<Double>> residentAtReady = new LinkedHashMap<>();
    private final Map<String, List<Double>> startUpCores = new LinkedHashMap<>();
    private final Map<String, List<Double>> startUpOtherCores = new LinkedHashMap<>();
    private final List<String> loadRows = new ArrayList<>();
    private final List<String> loadAverages = new ArrayList<>();
    private final String warmUp;

    LoadReport(List<String> jvmOptions, String databaseUrl, int perSecond, int tasks, String warmUp) {
        this.warmUp = warmUp;
        this.jvmOptions = jvmOptions;
        this.databaseUrl = databaseUrl;
        this.perSecond = perSecond;
        this.tasks = tasks;
    }

    /** Notes the machine's load average now (from {@code /proc/loadavg}), with what the run was doing. */
    void loadAverage(String when) throws IOException {
        String[] fields = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
        loadAverages.add(String.format(Locale.ROOT, "%s %s, %s, %s (%s)", ZonedDateTime.now(ZoneOffset.UTC)
                .format(DateTimeFormatter.ofPattern("HH:mm")), fields[0], fields[1], fields[2], when));
    }

    /**
     * One cold start.
     *
     * @param cores      CPU the process took from launch to ready, in cores
     * @param otherCores CPU processes outside the run took meanwhile, in cores
     */
    void startUp(String process, Duration ready, double residentMib, double cores, double otherCores) {
        readyAfter.computeIfAbsent(process, p -> new ArrayList<>()).add(ready);
        residentAtReady.computeIfAbsent(process, p -> new ArrayList<>()).add(residentMib);
        startUpCores.computeIfAbsent(process, p -> new ArrayList<>()).add(cores);
        startUpOtherCores.computeIfAbsent(process, p -> new ArrayList<>()).add(otherCores);
    }

    /**
     * One process's load: its acknowledgements, what it counted, and its memory at the end.
     *
     * @param routed tasks routed according to its {@code /metrics}, or {@code null} for the baseline
     * @param errors {@code dispatcher_errors_total}, or {@code null} for the baseline
     */
    void load(InteractionLoad.Result result, Double routed, Double errors, double residentMib, double peakMib, long threads) {
        loadRows.add(String.format(Locale.ROOT, "| %s | %d | %d | %d | %s | %d | %.1f | %.1f | %.1f | %.1f | %.0f | %.1f s | %s | %s | **%.0f MiB** | %.0f MiB | %d | %.2f | %.2f | %.2f |",
                result.target(), result.sent(), result.acknowledged(), result.busy(),
                routed == null ? "–" : Integer.toString(result.unanswered()), result.late(), result.p50Ms(), result.p99Ms(),
                result.p99AfterWarmUpMs(), result.maxMs(), result.achievedRate(), result.answeredAfter().toMillis() / 1000.0,
                routed == null ? "–" : String.format(Locale.ROOT, "%.0f", routed),
                errors == null ? "–" : String.format(Locale.ROOT, "%.0f", errors),
                residentMib, peakMib, threads, result.targetCores(), result.targetCores() * 1000.0 / result.perSecond(),
                result.otherCores()));
    }

    String markdown() throws IOException {
        StringBuilder md = new StringBuilder();
        md.append("Machine: ").append(machine()).append('\n');
        md.append("JVM options of both processes: ")
                .append(jvmOptions.isEmpty() ? "none (JVM defaults)" : "`" + String.join(" ", jvmOptions) + "`")
                .append("; ").append(tasks).append(" `/route` interactions at ").append(perSecond)
                .append("/s to each, after ").append(warmUp).append("; bot database `").append(databaseUrl.replaceAll(".*/", "…/")).append("`.\n");
        md.append("Load average (1, 5, 15 min): ").append(String.join("; ", loadAverages)).append(".\n\n");

        md.append("| process | ready after: median (min–max of ").append(readyAfter.values().stream().mapToInt(List::size).max().orElse(0))
                .append(") | VmRSS at ready (median) | process CPU, launch to ready (cores, mean) |"
                        + " other processes' CPU meanwhile (cores, mean; max) | each, in launch order (ms) |\n|---|---|---|---|---|---|\n");
        readyAfter.forEach((process, times) -> {
            List<Long> ms = times.stream().map(Duration::toMillis).sorted().toList();
            List<Double> rss = residentAtReady.get(process).stream().sorted().toList();
            md.append(String.format(Locale.ROOT, "| %s | %d ms (%d–%d) | %.0f MiB | %.2f | %.2f; %.2f | %s |\n", process,
                    ms.get(ms.size() / 2), ms.get(0), ms.get(ms.size() - 1), rss.get(rss.size() / 2),
                    mean(startUpCores.get(process)), mean(startUpOtherCores.get(process)),
                    startUpOtherCores.get(process).stream().mapToDouble(Double::doubleValue).max().orElse(0),
                    String.join(", ", times.stream().map(t -> Long.toString(t.toMillis())).toList())));
        });

        md.append("\n| process | sent | acknowledged | busy | never answered | late (> 3 s) or never | ack p50 (ms) | ack p99 (ms) |"
                + " ack p99 after the first " + InteractionLoad.WARM_UP.toSeconds() + " s (ms) | ack max (ms) |"
                + " sent/s | all answered after the last | tasks routed (/metrics) | dispatcher_errors_total |"
                + " VmRSS after | VmHWM (peak) | threads | process CPU (cores) | CPU per interaction (ms) | other processes' CPU (cores) |\n");
        md.append("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|\n");
        loadRows.forEach(row -> md.append(row).append('\n'));
        return md.toString();
    }

    private static double mean(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).average().orElse(0);
    }

    private static String machine() throws IOException {
        String cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                .findFirst().map(l -> l.substring(l.indexOf(':') + 1).trim()).orElse("unknown CPU");
        String memory = Files.readAllLines(Path.of("/proc/meminfo")).stream().filter(l -> l.startsWith("MemTotal"))
                .findFirst().map(l -> Long.parseLong(l.replaceAll("[^0-9]", "")) / 1024 / 1024 + " GiB").orElse("?");
        return String.format(Locale.ROOT, "%d cores (%s), %s RAM, %s %s, Java %s (%s)", Runtime.getRuntime().availableProcessors(),
                cpu, memory, System.getProperty("os.name"), System.getProperty("os.version"),
                System.getProperty("java.runtime.version"), System.getProperty("java.vm.name"));
    }
}

package dev.dispatcher.slack.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The load run's results as Markdown tables, with the machine and the settings they were measured with. */
final class LoadReport {

    private final List<String> jvmOptions;
    private final String databaseUrl;
    private final int[] rates;
    private final Duration stepLength;
    private final int tasks;
    private final Duration warmUp;
    private final boolean answers;
    private final List<Duration> startUps = new ArrayList<>();
    private final List<String> stepRows = new ArrayList<>();
    private String memoryRow = "";

    LoadReport(List<String> jvmOptions, String databaseUrl, int[] rates, Duration stepLength, int tasks, Duration warmUp,
               boolean answers) {
        this.warmUp = warmUp;
        this.answers = answers;
        this.jvmOptions = jvmOptions;
        this.databaseUrl = databaseUrl;
        this.rates = rates;
        this.stepLength = stepLength;
        this.tasks = tasks;
    }

    void startUp(Duration readyAfter) {
        startUps.add(readyAfter);
    }

    /**
     * One step of one app.
     *
     * @param answers for the bot, how long after the step every command it took on had both its messages posted, and
     *                how many never were; else null
     * @param attempt which try at this rate is reported
     */
    void step(StepResult step, SlackLoadRun.Outcome answers, int attempt) {
        String answered = answers == null ? "–" : answers.unanswered() > 0
                ? String.format(Locale.ROOT, "**%d never answered**", answers.unanswered())
                : String.format(Locale.ROOT, "%.1f s after the last ack (%.0f tasks/s)", answers.answeredAfter().toMillis() / 1000.0,
                        step.taken() / ((step.elapsed().plus(answers.answeredAfter())).toNanos() / 1e9));
        stepRows.add(String.format(Locale.ROOT, "| %d | %s | %d | %d | %d | %.1f | %.1f | %.1f | %.0f | %s | %.2f | %.2f | %.2f | %d |",
                step.perSecond(), step.target(), step.sent(), step.errors(), step.busy(), step.p50Ms(), step.p99Ms(), step.maxMs(),
                step.throughput(), answered, step.targetCores(), step.cpuMsPerCommand(), step.otherCores(), attempt));
    }

    void memory(double routed, double botMib, double noOpMib, double errors) {
        memoryRow = String.format(Locale.ROOT, "| %.0f | %.0f MiB | %.0f MiB | %.0f |", routed, botMib, noOpMib, errors);
    }

    String markdown() throws IOException {
        List<Long> ready = startUps.stream().map(Duration::toMillis).sorted().toList();
        StringBuilder md = new StringBuilder();
        md.append("Machine: ").append(machine()).append('\n');
        md.append("JVM options of both apps: ").append(jvmOptions.isEmpty() ? "none (JVM defaults)" : "`" + String.join(" ", jvmOptions) + "`")
                .append("; steps of ").append(stepLength.toSeconds()).append(" s at ")
                .append(java.util.Arrays.toString(rates)).append(" commands/s, after a ").append(warmUp.toSeconds()).append(" s warm-up at 50/s; bot database `")
                .append(databaseUrl.replaceAll(".*/", "…/")).append("`; the knowledge base's answer after each routing reply: ")
                .append(answers ? "on" : "off (`DISPATCHER_ANSWER_CHANNELS=none`)").append(".\n\n");
        md.append("| rate (/s) | app | sent | refused | busy | ack p50 (ms) | ack p99 (ms) | ack max (ms) | acks/s | all answered |"
                + " app CPU (cores) | CPU per command (ms) | other processes' CPU (cores) | try |\n");
        md.append("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|\n");
        stepRows.forEach(row -> md.append(row).append('\n'));
        md.append("\nStart-up, launch to `/readyz` 200, ").append(ready.size()).append(" runs: ")
                .append(ready.isEmpty() ? "–" : "median " + ready.get(ready.size() / 2) + " ms, min " + ready.get(0)
                        + " ms, max " + ready.get(ready.size() - 1) + " ms").append('\n');
        md.append("\n| tasks routed (/metrics) | dispatcher VmRSS | no-op app VmRSS | dispatcher_errors_total |\n");
        md.append("|---|---|---|---|\n").append(memoryRow).append('\n');
        md.append("\n(target of ").append(tasks).append(" routed tasks before reading VmRSS)\n");
        return md.toString();
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

package dev.dispatcher.discord.load;

import dev.dispatcher.bench.RealisticTasks;
import dev.dispatcher.discord.FakeDiscord;
import dev.dispatcher.routing.SpecialistCatalog;
import dev.dispatcher.testkit.CpuUse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Function;

/**
 * The Discord start-up and memory run: the real bot ({@code DiscordMain}) and, for comparison, a baseline JDA bot that
 * only logs in and acknowledges ({@code NoOpDiscordBot}), each in a JVM of its own, driven through the real JDA client
 * against a fake Discord in this process (a gateway websocket and a REST API, on loopback). Measures each process's
 * time from launch to the first {@code /readyz} 200, {@code load.startups} cold starts in a row (the bot's on the same
 * SQLite file), then its resident memory after {@code load.tasks} {@code /route} interactions delivered at
 * {@code load.rate} a second and all answered. Prints Markdown for BENCHMARKS.md and keeps it, with the processes'
 * logs, in {@code target/load/}.
 *
 * <p>{@code mvn -q -pl discord-adapter -am process-test-classes -Pload}; system properties {@code load.rate} (200),
 * {@code load.tasks} (10000), {@code load.startups} (5), {@code load.jvm} (JVM options of both processes, none by
 * default), {@code load.dbUrl} (the bot's database, by default a fresh SQLite file in {@code target/load/}),
 * {@code load.quiet} (0.25) and {@code load.quietWait} (180): before each phase the run waits, up to that many seconds,
 * until processes outside it take less than that many cores (the machine is shared with other builds);
 * {@code load.warmUpTasks} (3000): interactions each process gets at {@value #WARM_UP_RATE}/s, all answered, before
 * its measured load, so that the measurement sees compiled code rather than the JIT at work.
 */
public final class DiscordLoadRun {

    private static final String BOT_MAIN = "dev.dispatcher.discord.DiscordMain";
    private static final String BASELINE_MAIN = "dev.dispatcher.discord.NoOpDiscordBot";
    private static final String BOT = "dispatcher (`DiscordMain`)";
    private static final String BASELINE = "baseline: JDA bot that only logs in and acknowledges (`NoOpDiscordBot`)";
    private static final int WARM_UP_RATE = 50;
    /** Fixes the tasks: the same 10 000 in every run. */
    private static final long SEED = 20_251_125L;
    /** Everything is answered once the bot has sent nothing for this long after the last expected request. */
    private static final Duration QUIET = Duration.ofMillis(500);
    /** With no request from the bot for this long, what is still unanswered is reported, not waited for. */
    private static final Duration STALLED = Duration.ofSeconds(30);

    private final Path root = Path.of(System.getProperty("dispatcher.root", "..")).toAbsolutePath().normalize();
    private final Path out = Path.of("target", "load").toAbsolutePath();
    private final int perSecond = Integer.getInteger("load.rate", 200);
    private final int tasks = Integer.getInteger("load.tasks", 10_000);
    private final int startups = Integer.getInteger("load.startups", 5);
    private final int warmUpTasks = Integer.getInteger("load.warmUpTasks", 3000);
    private final String databaseUrl = System.getProperty("load.dbUrl", "").isBlank()
            ? "jdbc:sqlite:" + out.resolve("load.db") : System.getProperty("load.dbUrl");
    private final double quietEnough = Double.parseDouble(System.getProperty("load.quiet", "0.25"));
    private final Duration quietWait = Duration.ofSeconds(Long.getLong("load.quietWait", 180));
    private final List<String> jvmOptions = Arrays.stream(System.getProperty("load.jvm", "").trim().split("\\s+"))
            .filter(option -> !option.isEmpty()).toList();

    private DiscordLoadRun() {}

    public static void main(String[] args) throws Exception {
        new DiscordLoadRun().run();
    }

    private void run() throws Exception {
        Files.createDirectories(out);
        for (String file : List.of("load.db", "load.db-wal", "load.db-shm")) {
            Files.deleteIfExists(out.resolve(file));
        }
        LoadReport report = new LoadReport(jvmOptions, databaseUrl, perSecond, tasks,
                warmUpTasks > 0 ? "a warm-up of " + warmUpTasks + " at " + WARM_UP_RATE + "/s" : "no warm-up");
        report.loadAverage("start");
        List<String> texts = RealisticTasks.generate(SpecialistCatalog.load(root.resolve("knowledgebase/routing.yaml")), tasks, SEED);
        try (FakeDiscord discord = FakeDiscord.startCounting()) {
            awaitQuiet("the start-ups");
            measureStartUps(BOT, BOT_MAIN, discord, report);
            measureStartUps(BASELINE, BASELINE_MAIN, discord, report);
            report.loadAverage("after the start-ups");
            InteractionLoad load = new InteractionLoad(discord);
            awaitQuiet("the baseline's load");
            try (LoadTarget baseline = start(BASELINE, BASELINE_MAIN, discord, "baseline")) {
                warmUp(baseline, load, texts, step -> () -> step.acknowledged() == step.sent());
                progress("baseline: %d interactions at %d/s", tasks, perSecond);
                measureLoad(baseline, load, texts, report, step -> () -> step.acknowledged() == step.sent(), false, 0);
                baseline.stop();
            }
            report.loadAverage("after the baseline's load");
            awaitQuiet("the dispatcher's load");
            try (LoadTarget bot = start(BOT, BOT_MAIN, discord, "bot")) {
                warmUp(bot, load, texts, step -> () -> step.acknowledged() == step.sent() && step.threadsAnswered() == step.taken());
                double routedBefore = routed(bot);
                progress("dispatcher: %d interactions at %d/s", tasks, perSecond);
                // answered: every interaction acknowledged, every thread has its prompt, and the bot counted every task
                measureLoad(bot, load, texts, report, step -> () -> step.acknowledged() == step.sent()
                        && step.threadsAnswered() == step.taken() && routed(bot) - routedBefore >= step.taken(), true, routedBefore);
                bot.stop();
            }
            report.loadAverage("end");
        }
        String markdown = report.markdown();
        Files.writeString(out.resolve("report.md"), markdown);
        System.out.println(markdown);
    }

    private void measureStartUps(String name, String mainClass, FakeDiscord discord, LoadReport report) throws Exception {
        for (int i = 1; i <= startups; i++) {
            progress("%s: start-up %d of %d", mainClass.replaceAll(".*\\.", ""), i, startups);
            CpuUse launched = CpuUse.beforeLaunch();
            try (LoadTarget target = start(name, mainClass, discord, mainClass.replaceAll(".*\\.", "") + "-startup-" + i)) {
                // read while it runs: a process's CPU time is gone from /proc once it exits
                CpuUse ready = CpuUse.now(target.pid(), target.pid());
                report.startUp(name, target.readyAfter(), target.residentMib(), ready.targetSince(launched),
                        ready.othersSince(launched));
                target.stop();
            }
        }
    }

    /** Sends {@code load.warmUpTasks} of the tasks at {@value #WARM_UP_RATE}/s and waits until they are answered; not measured. */
    private void warmUp(LoadTarget target, InteractionLoad load, List<String> texts,
                        Function<InteractionLoad.Step, BooleanSupplier> answered) throws InterruptedException {
        if (warmUpTasks <= 0) {
            return;
        }
        progress("%s: warm-up, %d interactions at %d/s", target.name(), warmUpTasks, WARM_UP_RATE);
        InteractionLoad.Step step = load.run(target.name() + " (warm-up)", texts.subList(0, Math.min(warmUpTasks, texts.size())),
                WARM_UP_RATE);
        step.awaitAnswered(answered.apply(step), QUIET, STALLED);
    }

    /**
     * Sends the tasks, waits until {@code answered} holds, and reports the step and the process's memory then.
     *
     * @param routedBefore the tasks the bot had routed before this step (its warm-up's)
     */
    private void measureLoad(LoadTarget target, InteractionLoad load, List<String> texts, LoadReport report,
                             Function<InteractionLoad.Step, BooleanSupplier> answered, boolean isBot, double routedBefore)
            throws IOException, InterruptedException {
        CpuUse before = CpuUse.now(target.pid(), target.pid());
        InteractionLoad.Step step = load.run(target.name(), texts, perSecond);
        Duration after = step.awaitAnswered(answered.apply(step), QUIET, STALLED);
        CpuUse now = CpuUse.now(target.pid(), target.pid());
        double resident = target.residentMib();
        double peak = target.peakResidentMib();
        report.load(step.result(now.targetSince(before), now.othersSince(before), after),
                isBot ? routed(target) - routedBefore : null, isBot ? target.metric("dispatcher_errors_total") : null, resident, peak,
                target.threads());
        target.saveMemoryDiagnostics(out.resolve((isBot ? "bot" : "baseline") + "-memory.txt"));
    }

    /**
     * Waits until processes outside the run take less than {@code load.quiet} cores over 3 s, or {@code load.quietWait}
     * has passed; says so either way.
     */
    private void awaitQuiet(String phase) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + quietWait.toNanos();
        while (true) {
            CpuUse before = CpuUse.now(ProcessHandle.current().pid());
            Thread.sleep(3000);
            double others = CpuUse.now(ProcessHandle.current().pid()).othersSince(before);
            if (others <= quietEnough) {
                return;
            }
            if (System.nanoTime() > deadline) {
                progress("other processes still take %.2f cores; measuring %s anyway", others, phase);
                return;
            }
            progress("waiting for quiet before %s: other processes take %.2f cores", phase, others);
        }
    }

    private static double routed(LoadTarget bot) {
        try {
            return bot.metric("dispatcher_tasks_routed_total");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private LoadTarget start(String name, String mainClass, FakeDiscord discord, String logName) throws IOException {
        Map<String, String> settings = new HashMap<>(discord.environment());
        settings.put("DISPATCHER_HOME", root.toString());
        settings.put("DISPATCHER_DB_URL", databaseUrl);
        return LoadTarget.start(name, mainClass, settings, jvmOptions, out.resolve(logName + ".log"));
    }

    private static void progress(String format, Object... args) {
        System.err.println("load: " + String.format(format, args));
    }
}

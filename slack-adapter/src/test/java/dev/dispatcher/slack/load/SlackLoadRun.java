package dev.dispatcher.slack.load;

import dev.dispatcher.slack.FakeSlackApi;
import dev.dispatcher.testkit.CpuUse;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;

/**
 * The Slack end-to-end load run: signed {@code /route} commands at rising rates against the real bot and, in the same
 * run and alternating with it, a no-op Bolt app; then the bot's start-up time and its resident memory after
 * {@code load.tasks} routed tasks. Everything on loopback, with a fake Slack Web API in this process. Prints Markdown
 * for BENCHMARKS.md and keeps it, with the processes' logs, in {@code target/load/}.
 *
 * <p>{@code mvn -q -pl slack-adapter -am process-test-classes -Pload}; system properties {@code load.rates}
 * ({@code 50,100,200,400}), {@code load.seconds} (12), {@code load.tasks} (10000), {@code load.startups} (5) and
 * {@code load.jvm} (JVM options of both apps, none by default), {@code load.warmUpSeconds} (10, at 50/s on each app before
 * the steps), {@code load.dbUrl} (the bot's database, by default a
 * fresh SQLite file in {@code target/load/}), {@code load.answers} ({@code on}: the knowledge base's answer follows every
 * routing reply; {@code off} sets {@code DISPATCHER_ANSWER_CHANNELS=none} on the bot), {@code load.attempts} (3) and
 * {@code load.quiet} (0.25): a rate whose
 * steps saw processes outside the run take more than that many cores is tried again, up to that many times, and the
 * least disturbed try is reported.
 */
public final class SlackLoadRun {

    private static final String BOT_MAIN = "dev.dispatcher.slack.SlackMain";
    private static final String NO_OP_MAIN = "dev.dispatcher.slack.NoOpSlackApp";
    private static final int WARM_UP_RATE = 50;
    private static final int TOP_UP_RATE = 100;

    private final Path root = Path.of(System.getProperty("dispatcher.root", "..")).toAbsolutePath().normalize();
    private final Path out = Path.of("target", "load").toAbsolutePath();
    private final int[] rates = Arrays.stream(System.getProperty("load.rates", "50,100,200,400").split(","))
            .map(String::trim).mapToInt(Integer::parseInt).toArray();
    private final Duration stepLength = Duration.ofSeconds(Long.getLong("load.seconds", 12));
    private final int tasks = Integer.getInteger("load.tasks", 10_000);
    /** Long enough for the JIT to have compiled the paths, so that the steps measure the steady state. */
    private final Duration warmUp = Duration.ofSeconds(Long.getLong("load.warmUpSeconds", 10));
    private final int startups = Integer.getInteger("load.startups", 5);
    private final int attempts = Integer.getInteger("load.attempts", 3);
    private final double quietEnough = Double.parseDouble(System.getProperty("load.quiet", "0.25"));
    private final String databaseUrl = System.getProperty("load.dbUrl", "").isBlank()
            ? "jdbc:sqlite:" + out.resolve("load.db") : System.getProperty("load.dbUrl");
    private final boolean withAnswers = !"off".equals(System.getProperty("load.answers", "on").trim());
    private final List<String> jvmOptions = Arrays.stream(System.getProperty("load.jvm", "").trim().split("\\s+"))
            .filter(option -> !option.isEmpty()).toList();

    private SlackLoadRun() {}

    public static void main(String[] args) throws Exception {
        new SlackLoadRun().run();
    }

    private void run() throws Exception {
        Files.createDirectories(out);
        Files.deleteIfExists(out.resolve("load.db"));
        LoadReport report = new LoadReport(jvmOptions, databaseUrl, rates, stepLength, tasks, warmUp, withAnswers);
        try (FakeSlackApi slack = FakeSlackApi.startCounting(); OpenLoopLoad load = new OpenLoopLoad()) {
            String responseUrl = slack.apiUrl().replace("/api/", "/response/load");
            SlashCommands commands = SlashCommands.from(root.resolve("eval/dev-cases.jsonl"), LoadTarget.SIGNING_SECRET, responseUrl);
            measureStartUps(slack, report);
            try (LoadTarget noOp = start("no-op Bolt app", NO_OP_MAIN, slack, "no-op");
                 LoadTarget bot = start("dispatcher", BOT_MAIN, slack, "bot")) {
                Answers answers = new Answers(slack, withAnswers ? 3 : 2);
                progress("warm-up: %d s at %d/s on each", warmUp.toSeconds(), WARM_UP_RATE);
                Steps steps = new Steps(load, commands, new long[] {noOp.pid(), bot.pid()});
                steps.run(noOp, WARM_UP_RATE, warmUp);
                answers.sent(steps.run(bot, WARM_UP_RATE, warmUp));
                answers.awaitAll();
                for (int rate : rates) {
                    Attempt best = null;
                    for (int attempt = 1; attempt <= attempts && (best == null || best.disturbance() > quietEnough); attempt++) {
                        progress("%d/s for %d s on each, attempt %d", rate, stepLength.toSeconds(), attempt);
                        StepResult noOpStep = steps.run(noOp, rate, stepLength);
                        StepResult botStep = steps.run(bot, rate, stepLength);
                        answers.sent(botStep);
                        Attempt current = new Attempt(noOpStep, botStep, answers.awaitAll(), attempt);
                        best = best == null || current.disturbance() < best.disturbance() ? current : best;
                    }
                    report.step(best.noOp(), null, best.number());
                    report.step(best.bot(), best.answers(), best.number());
                }
                int remaining = tasks - answers.acknowledged();
                if (remaining > 0) {
                    progress("%d more tasks at %d/s, to reach %d", remaining, TOP_UP_RATE, tasks);
                    answers.sent(steps.run(bot, TOP_UP_RATE, Duration.ofSeconds((remaining + TOP_UP_RATE - 1) / TOP_UP_RATE)));
                    answers.awaitAll();
                }
                report.memory(bot.metric("dispatcher_tasks_routed_total"), bot.residentMib(), noOp.residentMib(),
                        bot.metric("dispatcher_errors_total"));
                bot.stop();
                noOp.stop();
            }
        }
        String markdown = report.markdown();
        Files.writeString(out.resolve("report.md"), markdown);
        System.out.println(markdown);
    }

    private void measureStartUps(FakeSlackApi slack, LoadReport report) throws Exception {
        for (int i = 1; i <= startups; i++) {
            progress("start-up %d of %d", i, startups);
            try (LoadTarget bot = start("dispatcher", BOT_MAIN, slack, "startup-" + i)) {
                report.startUp(bot.readyAfter());
                bot.stop();
            }
        }
    }

    private LoadTarget start(String name, String mainClass, FakeSlackApi slack, String logName) throws IOException {
        Map<String, String> settings = new HashMap<>(Map.of("DISPATCHER_HOME", root.toString(), "DISPATCHER_DB_URL", databaseUrl));
        if (!withAnswers) {
            settings.put("DISPATCHER_ANSWER_CHANNELS", "none");
        }
        return LoadTarget.start(name, mainClass, slack.apiUrl(), settings, jvmOptions, out.resolve(logName + ".log"));
    }

    private static void progress(String format, Object... args) {
        System.err.println("load: " + String.format(format, args));
    }

    /** Runs load steps and notes the CPU the app under load, and processes outside the run, took during each. */
    private record Steps(OpenLoopLoad load, SlashCommands commands, long[] pids) {

        StepResult run(LoadTarget target, int rate, Duration length) throws IOException, InterruptedException {
            CpuUse before = CpuUse.now(target.pid(), pids);
            StepResult step = load.run(target.name(), target.events(), commands, rate, length);
            CpuUse after = CpuUse.now(target.pid(), pids);
            return step.withCpu(after.targetSince(before), after.othersSince(before));
        }
    }

    /**
     * One try at a rate: the no-op app's step, then the bot's and the time until all its answers were out. On a shared
     * machine a try that other processes disturbed is repeated, and the least disturbed one is reported.
     */
    private record Attempt(StepResult noOp, StepResult bot, Outcome answers, int number) {

        double disturbance() {
            return Math.max(noOp.otherCores(), bot.otherCores());
        }
    }

    /**
     * The bot's answers: two messages per command it took on (the announcement and the analysis in its thread); a
     * command refused or told "busy" owes none.
     */
    private static final class Answers {

        /** With no new message for this long, the answers still missing are reported as such, not waited for. */
        private static final Duration STALLED = Duration.ofSeconds(30);

        private final FakeSlackApi slack;
        private final int postsPerCommand;
        private int acknowledged;

        /** @param postsPerCommand messages each command gets: the root, the analysis, and the answer if answers are on */
        Answers(FakeSlackApi slack, int postsPerCommand) {
            this.slack = slack;
            this.postsPerCommand = postsPerCommand;
        }

        void sent(StepResult step) {
            acknowledged += step.taken();
        }

        int acknowledged() {
            return acknowledged;
        }

        /**
         * Waits until every command taken on is answered, or until no message has come for {@link #STALLED}; returns how
         * long that took from now, and how many answers never came.
         */
        Outcome awaitAll() {
            long start = System.nanoTime();
            long posted = slack.count("chat.postMessage");
            long lastProgress = start;
            while (posted < (long) postsPerCommand * acknowledged && System.nanoTime() - lastProgress < STALLED.toNanos()) {
                LockSupport.parkNanos(Duration.ofMillis(10).toNanos());
                long now = slack.count("chat.postMessage");
                if (now > posted) {
                    posted = now;
                    lastProgress = System.nanoTime();
                }
            }
            long missing = Math.max(0, (long) postsPerCommand * acknowledged - posted);
            return new Outcome(Duration.ofNanos((missing == 0 ? System.nanoTime() : lastProgress) - start), (missing + postsPerCommand - 1) / postsPerCommand);
        }
    }

    /** How long the answers took after the step, and how many commands taken on were never answered. */
    record Outcome(Duration answeredAfter, long unanswered) {}
}

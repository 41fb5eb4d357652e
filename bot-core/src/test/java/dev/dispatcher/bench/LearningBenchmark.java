package dev.dispatcher.bench;

import dev.dispatcher.app.BotCore;
import dev.dispatcher.app.CoreSettings;
import dev.dispatcher.dispatch.ConversationRef;
import dev.dispatcher.dispatch.Task;
import dev.dispatcher.reply.Reply;
import dev.dispatcher.routing.RoutingDecision;
import dev.dispatcher.routing.SeedBaselineRouter;
import dev.dispatcher.routing.Specialist;
import dev.dispatcher.store.Database;
import dev.dispatcher.testkit.Cores;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What a team's history costs: routing a task, learning one more correction in place, and starting the core, with 0,
 * 1,000 and 20,000 stored corrections, beside the seed's algorithm routing the same tasks in the same run. The store is
 * a real SQLite file (on {@code /dev/shm} where there is one, so its syncs do not measure the disk). Corrections are
 * spread over many people and hours, as a team makes them, so the per-person hourly cap does not discard them.
 * Run: see {@code BENCHMARKS.md}.
 */
@State(Scope.Thread)
@Fork(1)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 8, time = 1)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class LearningBenchmark {

    @Param({"0", "1000", "20000"})
    public int corrections;

    private Path folder;
    private CoreSettings settings;
    private BotCore core;
    private SeedBaselineRouter seed;
    private String[] tasks;
    private List<Specialist> specialists;
    private int next;
    private int nextCorrection;
    private String pendingDecision;
    private final Random random = new Random(7);

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        folder = ScratchFolder.create("learning-bench-");
        Map<String, String> env = Cores.environment(folder);
        env.put("DISPATCHER_KB_RELOAD_SECONDS", "0");
        env.put("DISPATCHER_CACHE_SIZE", "0");   // every route is computed; the cache is RoutingBenchmark's subject
        settings = CoreSettings.fromEnvironment(env);
        try (BotCore filling = BotCore.start(settings)) {
            tasks = RealisticTasks.generate(filling.catalog(), 3_000, 20_240_601L).toArray(String[]::new);
            specialists = filling.catalog().specialists();
            storeCorrections(filling, corrections);
        }
        core = BotCore.start(settings);
        seed = new SeedBaselineRouter(core.knowledge());
    }

    /**
     * Stores {@code count} routed and corrected decisions straight through SQL in one transaction (the benchmark is
     * about reading and learning them, not about writing them one commit at a time).
     */
    private void storeCorrections(BotCore filling, int count) {
        String decision = "INSERT INTO decisions (id, created_at, platform, channel, requester, task_text, specialist, confidence,"
                + " fallback, reply_ref, source, task_length) VALUES (?, ?, 'slack', 'C1', 'U1', ?, ?, 0.5, NULL, NULL, 'chat', ?)";
        String correction = "INSERT INTO corrections (decision_id, user_id, specialist, created_at, trusted) VALUES (?, ?, ?, ?, 1)";
        Database database = filling.database();
        try (Connection c = database.connection()) {
            c.setAutoCommit(false);
            try (PreparedStatement d = c.prepareStatement(decision); PreparedStatement k = c.prepareStatement(correction)) {
                for (int i = 0; i < count; i++) {
                    String id = "bench" + i;
                    String task = tasks[i % tasks.length] + (i >= tasks.length ? " #" + i : "");
                    long at = 1_700_000_000_000L + i * 600_000L;
                    d.setString(1, id);
                    d.setLong(2, at);
                    d.setString(3, task);
                    d.setString(4, specialists.get(i % specialists.size()).id());
                    d.setInt(5, task.length());
                    d.addBatch();
                    k.setString(1, id);
                    k.setString(2, "U" + (i % 50));
                    k.setString(3, specialists.get((i * 7 + 3) % specialists.size()).id());
                    k.setLong(4, at + 1_000);
                    k.addBatch();
                }
                d.executeBatch();
                k.executeBatch();
            }
            c.commit();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot fill the benchmark's store", e);
        }
    }

    /** Before each learning step: a new task routed, shown and corrected in the store, not yet learnt. */
    @Setup(Level.Invocation)
    public void storeOneCorrection() {
        if (core == null) {
            return;
        }
        String task = tasks[(nextCorrection++ * 13) % tasks.length] + " (new " + nextCorrection + ")";
        Reply reply = core.dispatcher().dispatch(new Task(task, "U-bench", new ConversationRef("slack", "C1", null, "m" + nextCorrection)));
        String to = specialists.stream().map(Specialist::id).filter(id -> !id.equals(reply.decision().specialist())).toList()
                .get(random.nextInt(specialists.size() - 1));
        core.feedbackStore().putCorrection(reply.decisionId(), "U-bench-" + nextCorrection, to, true);
        pendingDecision = reply.decisionId();
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        core.close();
        ScratchFolder.delete(folder);
    }

    /** Routing one task with this many corrections learnt (the cache bypassed: every task is new to it). */
    @Benchmark
    public RoutingDecision route() {
        String task = tasks[next];
        next = (next + 1) % tasks.length;
        return core.cache().route(task);
    }

    /** The seed's algorithm on the same tasks, in the same run: the baseline the figures are reported against. */
    @Benchmark
    public RoutingDecision seedBaseline() {
        String task = tasks[next];
        next = (next + 1) % tasks.length;
        return seed.route(task);
    }

    /** Learning one more correction in place: the store read of its decision, one analysis, one model step, one index insert. */
    @Benchmark
    public long applyCorrection() {
        core.examples().corrected(pendingDecision);
        return core.examples().version();
    }

    /** Starting the core on the stored history: knowledge base, training on the examples, relearning every correction. */
    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    @Warmup(iterations = 2)
    @Measurement(iterations = 5)
    public int startUp() {
        try (BotCore started = BotCore.start(settings)) {
            return started.examples().size();
        }
    }
}

package dev.dispatcher.bench;

import com.github.benmanes.caffeine.cache.Ticker;
import dev.dispatcher.knowledge.KnowledgeBase;
import dev.dispatcher.routing.CachedRouter;
import dev.dispatcher.routing.CorrectionMemory;
import dev.dispatcher.routing.RoutingDecision;
import dev.dispatcher.routing.SeedBaselineRouter;
import dev.dispatcher.routing.SpecialistCatalog;
import dev.dispatcher.routing.TextAnalyzer;
import dev.dispatcher.routing.WeightedRouter;
import dev.dispatcher.testkit.Repository;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Time to route one task: our router against the seed's algorithm on the same tasks, and ours behind the decision
 * cache with a realistic share of repeated tasks. Each invocation routes the next of ~3000 distinct realistic tasks,
 * round robin. Our router needs several seconds of warm-up before the JIT has compiled its analysis over such varied
 * text, hence the long warm-up. Run: see {@code BENCHMARKS.md}.
 */
@State(Scope.Thread)
@Fork(1)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 10, time = 1)
@BenchmarkMode({Mode.AverageTime, Mode.Throughput})
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class RoutingBenchmark {

    static final int TASKS = 3_000;
    static final long SEED = 20_240_601L;
    /** Share of cached-router requests that repeat a recent task: a retry, a colleague pasting the same bug. */
    static final double REPEAT_SHARE = 0.25;
    /** How far back a repeated task may be, in requests. */
    static final int REPEAT_WINDOW = 100;

    private WeightedRouter ours;
    private SeedBaselineRouter seedBaseline;
    private CachedRouter cached;
    private String[] tasks;
    private String[] cachedRequests;
    private int next;
    private int nextCached;

    @Setup(Level.Trial)
    public void setUp() {
        Path kb = Repository.knowledgebase();
        SpecialistCatalog catalog = SpecialistCatalog.load(kb.resolve("routing.yaml"));
        KnowledgeBase knowledge = new KnowledgeBase(kb, catalog, null);
        ours = new WeightedRouter(catalog, knowledge, TextAnalyzer.forRouting(catalog.settings()), CorrectionMemory.none());
        seedBaseline = new SeedBaselineRouter(knowledge);
        // Production defaults: 10000 decisions for 10 minutes.
        cached = new CachedRouter(ours, CorrectionMemory.none(), 10_000, Duration.ofMinutes(10), 2000, Ticker.systemTicker());
        List<String> distinct = RealisticTasks.generate(catalog, TASKS, SEED);
        tasks = distinct.toArray(String[]::new);
        cachedRequests = withRepeats(distinct, new Random(SEED)).toArray(String[]::new);
    }

    /** Every distinct task once, plus repeats of recent ones making up {@link #REPEAT_SHARE} of the requests. */
    static List<String> withRepeats(List<String> distinct, Random random) {
        List<String> requests = new ArrayList<>();
        int fresh = 0;
        while (fresh < distinct.size()) {
            if (!requests.isEmpty() && random.nextDouble() < REPEAT_SHARE) {
                requests.add(requests.get(requests.size() - 1 - random.nextInt(Math.min(REPEAT_WINDOW, requests.size()))));
            } else {
                requests.add(distinct.get(fresh++));
            }
        }
        return requests;
    }

    @TearDown(Level.Trial)
    public void reportHitRate() {
        if (cached.stats().requestCount() == 0) {
            return;
        }
        System.out.printf("%n[oursCached] cache hit rate %.3f over %d requests%n",
                cached.stats().hitRate(), cached.stats().requestCount());
    }

    @Benchmark
    public RoutingDecision ours() {
        String task = tasks[next];
        next = (next + 1) % tasks.length;
        return ours.route(task);
    }

    @Benchmark
    public RoutingDecision seedBaseline() {
        String task = tasks[next];
        next = (next + 1) % tasks.length;
        return seedBaseline.route(task);
    }

    @Benchmark
    public RoutingDecision oursCached() {
        if (nextCached == 0) {
            // Each pass starts cold, so every pass has the designed mix of new and repeated tasks.
            cached.clear();
        }
        String task = cachedRequests[nextCached];
        nextCached = (nextCached + 1) % cachedRequests.length;
        return cached.route(task);
    }
}

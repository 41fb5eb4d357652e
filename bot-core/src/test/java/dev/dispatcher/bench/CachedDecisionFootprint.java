package dev.dispatcher.bench;

import com.github.benmanes.caffeine.cache.Ticker;
import dev.dispatcher.knowledge.KnowledgeBase;
import dev.dispatcher.routing.CachedRouter;
import dev.dispatcher.routing.CorrectionMemory;
import dev.dispatcher.routing.SpecialistCatalog;
import dev.dispatcher.routing.TextAnalyzer;
import dev.dispatcher.routing.WeightedRouter;
import dev.dispatcher.testkit.Repository;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.ref.Reference;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/**
 * Heap retained per cached decision: routes {@value #ENTRIES} distinct realistic tasks into a {@link CachedRouter},
 * compares the used heap after a full collection before and after, and prints the median over {@value #ROUNDS} rounds.
 * The figure covers everything an entry keeps alive: the folded task text, the key, the decision with its evidence
 * and links, and the cache's own node. Run: see {@code BENCHMARKS.md}.
 */
public final class CachedDecisionFootprint {

    static final int ENTRIES = 20_000;
    static final int ROUNDS = 5;

    private CachedDecisionFootprint() {}

    public static void main(String[] args) {
        Path kb = Repository.knowledgebase();
        SpecialistCatalog catalog = SpecialistCatalog.load(kb.resolve("routing.yaml"));
        KnowledgeBase knowledge = new KnowledgeBase(kb, catalog, null);
        WeightedRouter ours = new WeightedRouter(catalog, knowledge, TextAnalyzer.forRouting(catalog.settings()), CorrectionMemory.none());
        CachedRouter cached = new CachedRouter(ours, CorrectionMemory.none(), ENTRIES, Duration.ofHours(1), 2000, Ticker.systemTicker());
        // The tasks exist before the first measurement, so only what the cache retains is counted.
        List<String> tasks = RealisticTasks.generate(catalog, ENTRIES, RoutingBenchmark.SEED);
        tasks.forEach(ours::route);

        long[] perEntry = new long[ROUNDS];
        for (int round = 0; round < ROUNDS; round++) {
            cached.clear();
            long before = usedHeapAfterGc();
            tasks.forEach(cached::route);
            long after = usedHeapAfterGc();
            long entries = cached.size();
            perEntry[round] = (after - before) / entries;
            System.out.printf("round %d: %d entries, %,d bytes retained, %,d bytes per entry%n",
                    round + 1, entries, after - before, perEntry[round]);
        }
        Arrays.sort(perEntry);
        long median = perEntry[ROUNDS / 2];
        System.out.printf("median: %,d bytes per cached decision (%d rounds of %,d entries); "
                + "the default cache of 10,000 decisions holds about %.1f MiB%n",
                median, ROUNDS, ENTRIES, median * 10_000 / (1024.0 * 1024.0));
        Reference.reachabilityFence(tasks);
        Reference.reachabilityFence(cached);
    }

    private static long usedHeapAfterGc() {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        long used = Long.MAX_VALUE;
        // Several collections: one may leave garbage that a finalizer or reference queue frees only on the next.
        for (int i = 0; i < 4; i++) {
            System.gc();
            used = Math.min(used, memory.getHeapMemoryUsage().getUsed());
        }
        return used;
    }
}

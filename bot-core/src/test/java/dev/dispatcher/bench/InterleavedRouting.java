package dev.dispatcher.bench;

import java.util.Arrays;

/**
 * Routing cost with 0, 1,000 and 20,000 stored corrections and the seed's algorithm, measured in turns within one JVM
 * (a batch of 3,000 tasks each, round after round), so that a shared machine's changing load falls on all four alike:
 * the ratios it prints hold where JMH's separate trials, minutes apart, do not. Uses {@link LearningBenchmark}'s
 * set-up. Run: see {@code BENCHMARKS.md}.
 */
public final class InterleavedRouting {

    private static final int[] CORRECTIONS = {0, 1_000, 20_000};
    private static final int BATCH = 3_000;

    private InterleavedRouting() {}

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 30;
        LearningBenchmark[] cores = new LearningBenchmark[CORRECTIONS.length];
        for (int i = 0; i < cores.length; i++) {
            cores[i] = new LearningBenchmark();
            cores[i].corrections = CORRECTIONS[i];
            cores[i].setUp();
        }
        double[][] micros = new double[cores.length + 1][rounds];
        for (int r = 0; r < rounds; r++) {
            for (int i = 0; i <= cores.length; i++) {
                LearningBenchmark core = cores[Math.min(i, cores.length - 1)];
                long start = System.nanoTime();
                for (int n = 0; n < BATCH; n++) {
                    if (i < cores.length) {
                        core.route();
                    } else {
                        core.seedBaseline();
                    }
                }
                micros[i][r] = (System.nanoTime() - start) / 1e3 / BATCH;
            }
        }
        int warmUp = rounds / 3;   // the JIT settles during the first rounds
        for (int i = 0; i <= cores.length; i++) {
            String name = i < cores.length ? "route, " + CORRECTIONS[i] + " corrections" : "seed baseline";
            System.out.printf("%-28s median %7.1f us a task%n", name, median(micros[i], warmUp, null));
        }
        System.out.printf("20,000 against 0 corrections: %.2fx (median of the rounds' ratios; middle half %.2f-%.2fx)%n",
                median(micros[2], warmUp, micros[0]), quantile(micros[2], warmUp, micros[0], 0.25),
                quantile(micros[2], warmUp, micros[0], 0.75));
        System.out.printf("1,000 against 0 corrections:  %.2fx (middle half %.2f-%.2fx)%n", median(micros[1], warmUp, micros[0]),
                quantile(micros[1], warmUp, micros[0], 0.25), quantile(micros[1], warmUp, micros[0], 0.75));
        System.out.printf("0 corrections against the seed baseline: %.1fx%n", median(micros[0], warmUp, micros[3]));
        for (LearningBenchmark core : cores) {
            core.tearDown();
        }
    }

    /** The median from round {@code from} on, of the values or, with {@code over}, of their ratio to it round by round. */
    private static double median(double[] values, int from, double[] over) {
        return quantile(values, from, over, 0.5);
    }

    /** {@link #median}'s quantile {@code q} (0.25: a quarter of the rounds lie below it). */
    private static double quantile(double[] values, int from, double[] over, double q) {
        double[] kept = new double[values.length - from];
        for (int r = from; r < values.length; r++) {
            kept[r - from] = over == null ? values[r] : values[r] / over[r];
        }
        Arrays.sort(kept);
        return kept[Math.min(kept.length - 1, (int) (q * kept.length))];
    }
}

package dev.dispatcher.eval;

import java.util.ArrayList;
import java.util.List;

/**
 * Whether the confidence a router shows means what it says: decisions binned by shown confidence, each bin's share of
 * right routes, and the expected calibration error (the bins' gaps between confidence and accuracy, weighted by how
 * many decisions fall in each).
 *
 * @param bins the ten bins of width 0.1, lowest first
 */
public record Calibration(List<Bin> bins) {

    private static final int BINS = 10;

    /**
     * One bin of decisions.
     *
     * @param from           lowest confidence in the bin
     * @param to             highest confidence (exclusive, but 1.0 belongs to the last bin)
     * @param count          decisions in it
     * @param right          of them, routed right
     * @param meanConfidence their average shown confidence
     */
    public record Bin(double from, double to, int count, int right, double meanConfidence) {

        public double accuracy() {
            return count == 0 ? 0 : right / (double) count;
        }
    }

    /** Bins decisions by shown confidence. */
    public static Calibration of(List<Double> confidences, List<Boolean> right) {
        int[] count = new int[BINS];
        int[] hits = new int[BINS];
        double[] sum = new double[BINS];
        for (int i = 0; i < confidences.size(); i++) {
            double c = Math.max(0, Math.min(1, confidences.get(i)));
            int b = Math.min(BINS - 1, (int) (c * BINS));
            count[b]++;
            sum[b] += c;
            hits[b] += right.get(i) ? 1 : 0;
        }
        List<Bin> bins = new ArrayList<>();
        for (int b = 0; b < BINS; b++) {
            bins.add(new Bin(b / (double) BINS, (b + 1) / (double) BINS, count[b], hits[b], count[b] == 0 ? 0 : sum[b] / count[b]));
        }
        return new Calibration(bins);
    }

    /** Expected calibration error: the weighted mean gap between confidence and accuracy over the bins. */
    public double expectedError() {
        int total = bins.stream().mapToInt(Bin::count).sum();
        if (total == 0) {
            return 0;
        }
        double error = 0;
        for (Bin b : bins) {
            error += b.count() * Math.abs(b.meanConfidence() - b.accuracy());
        }
        return error / total;
    }
}

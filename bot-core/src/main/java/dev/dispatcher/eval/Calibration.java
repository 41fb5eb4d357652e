package dev.dispatcher.eval;

import java.util.ArrayList;
import java.util.List;

/**
 * Whether the confidence a router shows means what it says: decisions binned by shown confidence, each bin's share of
 * right routes, and the expected calibration error (the bins' gaps between confidence and accuracy, weighted by how
 * many decisions fall in each).
 *
 * <p>The binned error moves by a bin's count as much as by calibration on a few hundred decisions, so two scores of
 * every decision alone are given too: the Brier score (mean squared gap between confidence and right-or-not) and the
 * log loss (mean surprise at the outcome), lower is better for both.
 *
 * @param bins       the ten bins of width 0.1, lowest first
 * @param brierScore mean of (confidence - 1)² for right decisions and confidence² for wrong ones
 * @param logLoss    mean of -ln(confidence) for right decisions and -ln(1 - confidence) for wrong ones
 */
public record Calibration(List<Bin> bins, double brierScore, double logLoss) {

    /** Keeps a confidence of exactly 0 or 1 that turned out wrong from costing an infinite log loss. */
    private static final double SURE = 1e-6;

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
        double brier = 0;
        double logLoss = 0;
        int[] count = new int[BINS];
        int[] hits = new int[BINS];
        double[] sum = new double[BINS];
        for (int i = 0; i < confidences.size(); i++) {
            double c = Math.max(0, Math.min(1, confidences.get(i)));
            int b = Math.min(BINS - 1, (int) (c * BINS));
            count[b]++;
            sum[b] += c;
            hits[b] += right.get(i) ? 1 : 0;
            double outcome = right.get(i) ? 1 : 0;
            brier += (c - outcome) * (c - outcome);
            logLoss -= Math.log(Math.max(SURE, right.get(i) ? c : 1 - c));
        }
        int n = Math.max(1, confidences.size());
        List<Bin> bins = new ArrayList<>();
        for (int b = 0; b < BINS; b++) {
            bins.add(new Bin(b / (double) BINS, (b + 1) / (double) BINS, count[b], hits[b], count[b] == 0 ? 0 : sum[b] / count[b]));
        }
        return new Calibration(bins, brier / n, logLoss / n);
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

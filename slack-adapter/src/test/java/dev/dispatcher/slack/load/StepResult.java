package dev.dispatcher.slack.load;

import java.time.Duration;
import java.util.Arrays;

/**
 * What one load step measured: acknowledgement latencies (from the moment each request was due, so a stalled sender
 * or server cannot hide queueing), refusals (a status other than 200, a refused connection, or no answer within 3 s),
 * busy replies (acknowledged with "busy, send it again": no answer will follow) and the rate actually achieved.
 */
record StepResult(String target, int perSecond, int sent, int errors, int busy, Duration elapsed, double p50Ms,
                  double p99Ms, double maxMs, double targetCores, double otherCores) {

    static StepResult of(String target, int perSecond, long[] latencyNanos, int errors, int busy, Duration elapsed) {
        long[] sorted = latencyNanos.clone();
        Arrays.sort(sorted);
        return new StepResult(target, perSecond, sorted.length, errors, busy, elapsed,
                millis(percentile(sorted, 0.50)), millis(percentile(sorted, 0.99)), millis(sorted[sorted.length - 1]), 0, 0);
    }

    /** The same, noting the CPU the app under load and the processes outside the run took meanwhile, in cores. */
    StepResult withCpu(double target, double others) {
        return new StepResult(this.target, perSecond, sent, errors, busy, elapsed, p50Ms, p99Ms, maxMs, target, others);
    }

    /** Commands the bot took on, and so owes an answer: acknowledged and not told "busy". */
    int taken() {
        return sent - errors - busy;
    }

    /** Milliseconds of the app's CPU per command sent during the step. */
    double cpuMsPerCommand() {
        return targetCores * 1000.0 / perSecond;
    }

    /** Acknowledgements per second over the step, first request to last answer. */
    double throughput() {
        return (sent - errors) / (elapsed.toNanos() / 1e9);
    }

    private static long percentile(long[] sorted, double q) {
        int index = (int) Math.ceil(q * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    private static double millis(long nanos) {
        return nanos / 1e6;
    }
}

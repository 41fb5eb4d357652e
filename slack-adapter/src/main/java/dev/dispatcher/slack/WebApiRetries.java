package dev.dispatcher.slack;

import com.slack.api.methods.SlackApiException;
import dev.dispatcher.ops.DispatcherMetrics;
import java.io.IOException;
import java.time.Duration;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Survives Slack's bad moments for one Web API call: a {@code 429} is retried after its {@code Retry-After}, a server
 * error or network failure after a growing pause, at most {@value #MAX_TRIES} tries within 30 seconds; what still
 * fails is logged with the decision id and returned. Every attempt is counted by method and outcome
 * ({@code dispatcher_platform_calls_total}), every pause for a 429 is timed ({@code dispatcher_rate_limit_waits}), and a
 * call that finally fails counts as an error. Thread-safe.
 */
final class WebApiRetries {

    static final int MAX_TRIES = 3;

    private static final Logger LOG = LoggerFactory.getLogger(WebApiRetries.class);
    private static final Duration BUDGET = Duration.ofSeconds(30);
    private static final Duration FIRST_BACKOFF = Duration.ofMillis(500);
    /** Web API errors that say "try again later" rather than "this will never work". */
    private static final Set<String> TRANSIENT = Set.of("ratelimited", "internal_error", "fatal_error",
            "service_unavailable", "request_timeout");

    private final DispatcherMetrics metrics;

    WebApiRetries(DispatcherMetrics metrics) {
        this.metrics = metrics;
    }

    @FunctionalInterface
    interface Call {
        SlackPoster.Posted run() throws IOException, SlackApiException;
    }

    /** Calls {@code method} about a decision's message in {@code channel}; what finally fails counts as {@code post_failed}. */
    SlackPoster.Posted call(String method, String channel, String decisionId, Call call) {
        return call(method, channel, "decision " + decisionId, "post_failed", call);
    }

    /**
     * Calls {@code method} about {@code target}.
     *
     * @param target      what the call is about, for the log: a channel, a user group
     * @param context     what the log lines start with, e.g. {@code decision 42}
     * @param failureKind the {@code dispatcher_errors_total} kind of a call that finally fails
     */
    SlackPoster.Posted call(String method, String target, String context, String failureKind, Call call) {
        long deadline = System.nanoTime() + BUDGET.toNanos();
        Duration backoff = FIRST_BACKOFF;
        SlackPoster.Posted last = SlackPoster.Posted.failed("not_attempted");
        for (int attempt = 1; attempt <= MAX_TRIES; attempt++) {
            Duration wait;
            try {
                last = call.run();
                metrics.platformCall(SlackOutput.PLATFORM, method, last.ok() ? "ok" : last.error());
                if (last.ok() || !TRANSIENT.contains(last.error())) {
                    if (!last.ok()) {
                        failed(last, failureKind);
                        LOG.error("{}: {} to {} failed: {}", context, method, target, last.error());
                    }
                    return last;
                }
                wait = backoff;
            } catch (SlackApiException e) {
                int status = e.getResponse().code();
                last = SlackPoster.Posted.failed(status == 429 ? "ratelimited" : "http_" + status);
                metrics.platformCall(SlackOutput.PLATFORM, method, last.error());
                if (status == 429) {
                    wait = retryAfter(e);
                } else if (status >= 500) {
                    wait = backoff;
                } else {
                    failed(last, failureKind);
                    LOG.error("{}: {} to {} failed with HTTP {}", context, method, target, status);
                    return last;
                }
            } catch (IOException e) {
                last = SlackPoster.Posted.failed("network_error");
                metrics.platformCall(SlackOutput.PLATFORM, method, last.error());
                wait = backoff;
                LOG.warn("{}: {} to {} failed: {}", context, method, target, e.getMessage());
            }
            backoff = backoff.multipliedBy(2);
            if (attempt == MAX_TRIES || System.nanoTime() + wait.toNanos() > deadline) {
                break;
            }
            LOG.warn("{}: {} to {} answered {}; try {} of {} in {} ms", context, method, target, last.error(),
                    attempt + 1, MAX_TRIES, wait.toMillis());
            if ("ratelimited".equals(last.error())) {
                metrics.rateLimitWait(SlackOutput.PLATFORM, wait);
            }
            if (!pause(wait)) {
                break;
            }
        }
        failed(last, failureKind);
        LOG.error("{}: {} to {} gave up after retries: {}", context, method, target, last.error());
        return last;
    }

    private void failed(SlackPoster.Posted last, String failureKind) {
        metrics.error(SlackOutput.PLATFORM, last.notInChannel() ? "not_in_channel" : failureKind);
    }

    private static Duration retryAfter(SlackApiException e) {
        String header = e.getResponse().header("Retry-After");
        try {
            return Duration.ofSeconds(Math.max(0, Long.parseLong(header == null ? "1" : header.trim())));
        } catch (NumberFormatException notSeconds) {
            return Duration.ofSeconds(1);
        }
    }

    private static boolean pause(Duration wait) {
        try {
            Thread.sleep(wait.toMillis());
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}

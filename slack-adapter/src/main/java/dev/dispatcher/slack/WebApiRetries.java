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

    SlackPoster.Posted call(String method, String channel, String decisionId, Call call) {
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
                        failed(last);
                        LOG.error("decision {}: {} to {} failed: {}", decisionId, method, channel, last.error());
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
                    failed(last);
                    LOG.error("decision {}: {} to {} failed with HTTP {}", decisionId, method, channel, status);
                    return last;
                }
            } catch (IOException e) {
                last = SlackPoster.Posted.failed("network_error");
                metrics.platformCall(SlackOutput.PLATFORM, method, last.error());
                wait = backoff;
                LOG.warn("decision {}: {} to {} failed: {}", decisionId, method, channel, e.getMessage());
            }
            backoff = backoff.multipliedBy(2);
            if (attempt == MAX_TRIES || System.nanoTime() + wait.toNanos() > deadline) {
                break;
            }
            LOG.warn("decision {}: {} to {} answered {}; try {} of {} in {} ms", decisionId, method, channel, last.error(),
                    attempt + 1, MAX_TRIES, wait.toMillis());
            if ("ratelimited".equals(last.error())) {
                metrics.rateLimitWait(SlackOutput.PLATFORM, wait);
            }
            if (!pause(wait)) {
                break;
            }
        }
        failed(last);
        LOG.error("decision {}: {} to {} gave up after retries: {}", decisionId, method, channel, last.error());
        return last;
    }

    private void failed(SlackPoster.Posted last) {
        metrics.error(SlackOutput.PLATFORM, last.notInChannel() ? "not_in_channel" : "post_failed");
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

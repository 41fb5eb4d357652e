package dev.dispatcher.discord;

import dev.dispatcher.ops.DispatcherMetrics;
import java.time.Duration;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.requests.RestRateLimiter;
import net.dv8tion.jda.api.requests.Route;
import okhttp3.Response;

/**
 * JDA's rate limiter with a window on it: when Discord answers a request with 429, JDA keeps the request and sends it
 * again after {@code Retry-After}; this measures that wait (from the 429 to the retry) into
 * {@code dispatcher_rate_limit_waits_seconds}. JDA's proactive pacing, holding a request back because an earlier
 * response said the bucket is empty, produces no 429 and is not counted.
 *
 * <p>Thread-safe as far as the wrapped limiter is: each request is executed by one thread at a time.
 */
final class RateLimitWatch implements RestRateLimiter {

    private static final int TOO_MANY_REQUESTS = 429;

    private final RestRateLimiter limiter;
    private final DispatcherMetrics metrics;

    RateLimitWatch(RestRateLimiter limiter, DispatcherMetrics metrics) {
        this.limiter = limiter;
        this.metrics = metrics;
    }

    @Override
    public void enqueue(Work task) {
        limiter.enqueue(new WatchedWork(task));
    }

    @Override
    public void stop(boolean shutdown, Runnable callback) {
        limiter.stop(shutdown, callback);
    }

    @Override
    public boolean isStopped() {
        return limiter.isStopped();
    }

    @Override
    public int cancelRequests() {
        return limiter.cancelRequests();
    }

    /** One request, remembering when Discord last told it to wait. */
    private final class WatchedWork implements Work {

        private final Work work;
        private volatile long limitedAt = -1;

        WatchedWork(Work work) {
            this.work = work;
        }

        @Override
        public Response execute() {
            long since = limitedAt;
            if (since >= 0) {
                metrics.rateLimitWait(DiscordCalls.PLATFORM, Duration.ofNanos(System.nanoTime() - since));
                limitedAt = -1;
            }
            Response response = work.execute();
            if (response != null && response.code() == TOO_MANY_REQUESTS) {
                limitedAt = System.nanoTime();
            }
            return response;
        }

        @Override
        public Route.CompiledRoute getRoute() {
            return work.getRoute();
        }

        @Override
        public JDA getJDA() {
            return work.getJDA();
        }

        @Override
        public boolean isSkipped() {
            return work.isSkipped();
        }

        @Override
        public boolean isDone() {
            return work.isDone();
        }

        @Override
        public boolean isPriority() {
            return work.isPriority();
        }

        @Override
        public boolean isCancelled() {
            return work.isCancelled();
        }

        @Override
        public void cancel() {
            work.cancel();
        }
    }
}

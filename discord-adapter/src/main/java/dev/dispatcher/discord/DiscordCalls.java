package dev.dispatcher.discord;

import dev.dispatcher.ops.DispatcherMetrics;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import net.dv8tion.jda.api.requests.RestAction;

/**
 * The one way the adapter sends requests to Discord: {@code calls.queue("sendMessage", channel.sendMessage(m), ok,
 * failed)} instead of {@code queue(ok, failed)}. Each request is counted in {@code dispatcher_platform_calls_total}
 * by method and outcome ({@code ok} or the {@link net.dv8tion.jda.api.requests.ErrorResponse} name), each failure in
 * {@code dispatcher_errors_total} by {@link DiscordFailures#kind kind}, and each stays {@link InFlightWork in flight}
 * until its callback has run, so a shutdown waits for the answer it belongs to. Thread-safe.
 */
final class DiscordCalls {

    static final String PLATFORM = "discord";

    /** How long a worker waits for Discord to answer one request (JDA itself waits out rate limits meanwhile). */
    static final Duration ANSWER_LIMIT = Duration.ofSeconds(30);

    private final DispatcherMetrics metrics;
    private final InFlightWork work;

    DiscordCalls(DispatcherMetrics metrics, InFlightWork work) {
        this.metrics = metrics;
        this.work = work;
    }

    /**
     * Queues {@code action}; exactly one of the callbacks runs, on JDA's callback pool (or here, if JDA refuses the
     * request at once, as it does once its shard is shutting down).
     *
     * @param method the JDA method that built the request, e.g. {@code editOriginal}, the metric's {@code method} label
     */
    <T> void queue(String method, RestAction<T> action, Consumer<? super T> success, Consumer<? super Throwable> failure) {
        work.begin();
        try {
            action.queue(
                    value -> finish(() -> {
                        metrics.platformCall(PLATFORM, method, "ok");
                        success.accept(value);
                    }),
                    error -> finish(() -> failed(method, error, failure)));
        } catch (RuntimeException refused) {
            finish(() -> failed(method, refused, failure));
        }
    }

    /**
     * Sends {@code action} and waits for Discord's answer, for the pipeline's workers, which record each step once it is
     * done. Never call it on a gateway or callback thread.
     *
     * @throws Refused with Discord's failure when the request failed or took longer than {@link #ANSWER_LIMIT}
     */
    <T> T await(String method, RestAction<T> action) {
        CompletableFuture<T> answer = new CompletableFuture<>();
        queue(method, action, answer::complete, answer::completeExceptionally);
        try {
            return answer.get(ANSWER_LIMIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new Refused(e.getCause());
        } catch (TimeoutException e) {
            throw new Refused(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Refused(e);
        }
    }

    /** A request Discord refused or never answered; {@link #getCause()} says how. */
    static final class Refused extends RuntimeException {
        Refused(Throwable cause) {
            super(DiscordFailures.describe(cause), cause);
        }
    }

    /** Counts a failure inside a listener that no request explains (a bug, the database). */
    void listenerFailed(Throwable error) {
        metrics.error(PLATFORM, DiscordFailures.kind(error));
    }

    private void failed(String method, Throwable error, Consumer<? super Throwable> failure) {
        metrics.platformCall(PLATFORM, method, DiscordFailures.outcome(error));
        metrics.error(PLATFORM, DiscordFailures.kind(error));
        failure.accept(error);
    }

    private void finish(Runnable callback) {
        try {
            callback.run();
        } finally {
            work.end();
        }
    }
}

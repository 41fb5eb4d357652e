package dev.dispatcher.slack.load;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Sends requests at a fixed rate whatever the server does (an open loop, as Slack does), and times each answer from the
 * moment its request was due. Slow answers therefore never slow the sender down and never hide the queue behind them.
 */
final class OpenLoopLoad implements AutoCloseable {

    /** What the bot's private "busy, send it again" answer to a {@code /route} starts with. */
    static final String BUSY_REPLY = "busy with many requests";

    private final ExecutorService callbacks = Executors.newFixedThreadPool(2);
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(3))
            .executor(callbacks)
            .build();

    /**
     * Sends {@code perSecond} commands a second for {@code length} to {@code endpoint} and waits for every answer.
     */
    StepResult run(String target, URI endpoint, SlashCommands commands, int perSecond, Duration length)
            throws InterruptedException {
        int total = (int) (perSecond * length.toSeconds());
        long interval = 1_000_000_000L / perSecond;
        long[] latencies = new long[total];
        AtomicInteger errors = new AtomicInteger();
        AtomicInteger busy = new AtomicInteger();
        AtomicLong lastAnswer = new AtomicLong();
        CountDownLatch answered = new CountDownLatch(total);
        long start = System.nanoTime();
        for (int i = 0; i < total; i++) {
            long due = start + i * interval;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            int slot = i;
            HttpRequest request = commands.next(endpoint);
            http.sendAsync(request, HttpResponse.BodyHandlers.ofString()).whenComplete((response, failure) -> {
                long now = System.nanoTime();
                latencies[slot] = now - due;
                if (failure != null || response.statusCode() != 200) {
                    errors.incrementAndGet();
                } else if (response.body().contains(BUSY_REPLY)) {
                    busy.incrementAndGet();   // acknowledged, but told the user the bot is busy: no answer will come
                }
                lastAnswer.accumulateAndGet(now, Math::max);
                answered.countDown();
            });
        }
        if (!answered.await(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException(answered.getCount() + " requests to " + target + " got no answer in 30 s");
        }
        return StepResult.of(target, perSecond, latencies, errors.get(), busy.get(), Duration.ofNanos(lastAnswer.get() - start));
    }

    @Override
    public void close() {
        callbacks.shutdownNow();
    }
}

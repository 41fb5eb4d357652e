package dev.dispatcher.discord;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The workers that claim, route, store and answer, so that JDA's gateway thread, which hands a shard's events to the
 * listeners one after another, only acknowledges: one task's routing and database writes never delay the
 * next interaction's acknowledgement past Discord's three seconds. Each job counts as {@link InFlightWork in flight}
 * from submission, so a shutdown waits for it; a failing job is logged and counted, and the workers carry on. When the
 * queue is full the gateway thread runs the job itself: slower, but nothing is dropped. Thread-safe.
 */
final class DiscordWork {

    private static final Logger LOG = LoggerFactory.getLogger(DiscordWork.class);
    private static final int QUEUE_LIMIT = 1000;

    private final Executor executor;
    private final InFlightWork work;
    private final DiscordCalls calls;

    DiscordWork(Executor executor, InFlightWork work, DiscordCalls calls) {
        this.executor = executor;
        this.work = work;
        this.calls = calls;
    }

    /** {@code threads} daemon workers that end when idle, with a bounded queue that pushes back on the caller. */
    static DiscordWork pooled(int threads, InFlightWork work, DiscordCalls calls) {
        AtomicInteger counter = new AtomicInteger();
        ThreadPoolExecutor pool = new ThreadPoolExecutor(threads, threads, 30, TimeUnit.SECONDS, new ArrayBlockingQueue<>(QUEUE_LIMIT),
                r -> {
                    Thread t = new Thread(r, "discord-work-" + counter.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                }, new ThreadPoolExecutor.CallerRunsPolicy());
        pool.allowCoreThreadTimeOut(true);
        return new DiscordWork(pool, work, calls);
    }

    /** Runs {@code job} on a worker; {@code what} names it in the log if it fails. */
    void run(String what, Runnable job) {
        work.begin();
        executor.execute(() -> {
            try {
                job.run();
            } catch (RuntimeException e) {
                calls.listenerFailed(e);
                LOG.error("discord: {} failed: {}", what, e.toString(), e);
            } finally {
                work.end();
            }
        });
    }
}

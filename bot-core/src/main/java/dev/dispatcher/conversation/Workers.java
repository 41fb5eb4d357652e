package dev.dispatcher.conversation;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bounded pool that runs jobs after the acknowledgement, so that no platform thread routes, stores or posts. The
 * queue is bounded: when it is full a job is refused at once, so the adapter can say the bot is busy rather than
 * acknowledge work it would only get to minutes later. A failing job is logged and the workers carry on. At shutdown
 * the work already taken is finished within a bounded wait; what is left stays stored for another replica or the next
 * start. Thread-safe.
 */
public final class Workers {

    /** How long shutdown waits for running work; Kubernetes' default grace period is 30 s. */
    public static final Duration DRAIN_LIMIT = Duration.ofSeconds(20);

    private static final Logger LOG = LoggerFactory.getLogger(Workers.class);

    private final ThreadPoolExecutor pool;
    private final InFlightCount pending = new InFlightCount();

    private Workers(ThreadPoolExecutor pool) {
        this.pool = pool;
    }

    /**
     * @param threads    workers
     * @param queueLimit jobs that may wait for a worker; one more is refused
     * @param name       thread name prefix, e.g. {@code slack-work}
     */
    public static Workers pool(int threads, int queueLimit, String name) {
        AtomicInteger counter = new AtomicInteger();
        ThreadPoolExecutor pool = new ThreadPoolExecutor(threads, threads, 0, TimeUnit.MILLISECONDS,
                new ArrayBlockingQueue<>(queueLimit), r -> {
                    Thread t = new Thread(r, name + "-" + counter.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });
        return new Workers(pool);
    }

    /** Every worker is busy and the queue is full: the next job would be refused. */
    public boolean full() {
        return pool.getQueue().remainingCapacity() == 0;
    }

    /** How many more jobs the queue takes now. */
    int spare() {
        return pool.getQueue().remainingCapacity();
    }

    /**
     * Runs {@code job} on a worker.
     *
     * @return {@code false} when it was refused (the queue is full, or shutting down): it will not run here
     */
    boolean submit(String what, Runnable job) {
        pending.begin();
        try {
            pool.execute(() -> {
                try {
                    job.run();
                } catch (RuntimeException e) {
                    LOG.error("{} failed: {}", what, e.getMessage(), e);
                } finally {
                    pending.end();
                }
            });
            return true;
        } catch (RejectedExecutionException rejected) {
            pending.end();
            LOG.warn("{} refused: {}", what, pool.isShutdown() ? "shutting down" : "every worker busy and the queue full");
            return false;
        }
    }

    /** Waits until no job is queued or running; {@code false} when the timeout came first. */
    public boolean awaitIdle(Duration timeout) throws InterruptedException {
        return pending.awaitIdle(timeout);
    }

    /** How many jobs are queued or running. */
    public int inFlight() {
        return pending.running();
    }

    /**
     * Takes no new jobs and finishes the queued and running ones, waiting at most {@code limit}.
     *
     * @return how many were left unfinished (still stored as pending, for whoever resumes them)
     */
    int drain(Duration limit) {
        pool.shutdown();
        try {
            if (pool.awaitTermination(limit.toMillis(), TimeUnit.MILLISECONDS)) {
                return 0;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        List<Runnable> abandoned = pool.shutdownNow();
        return Math.max(abandoned.size(), pending.running());
    }
}

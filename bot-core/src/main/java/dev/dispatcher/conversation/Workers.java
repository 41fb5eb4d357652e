package dev.dispatcher.conversation;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
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
    /** A place for each job running or waiting: taken before a job is stored, so a stored job always has a worker. */
    private final Semaphore places;
    private final InFlightCount pending = new InFlightCount();

    private Workers(ThreadPoolExecutor pool, int places) {
        this.pool = pool;
        this.places = new Semaphore(places);
    }

    /**
     * @param threads    workers
     * @param queueLimit jobs that may wait for a worker; one more is refused
     * @param name       thread name prefix, e.g. {@code slack-work}
     */
    public static Workers pool(int threads, int queueLimit, String name) {
        AtomicInteger counter = new AtomicInteger();
        // The places bound the work; the pool's own queue never refuses.
        ThreadPoolExecutor pool = new ThreadPoolExecutor(threads, threads, 0, TimeUnit.MILLISECONDS,
                new LinkedBlockingQueue<>(), r -> {
                    Thread t = new Thread(r, name + "-" + counter.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });
        return new Workers(pool, threads + queueLimit);
    }

    /** Every worker is busy and the queue is full: the next job would be refused. */
    public boolean full() {
        return places.availablePermits() == 0;
    }

    /** How many more jobs are taken now. */
    int spare() {
        return places.availablePermits();
    }

    /**
     * Takes a place for a job about to be stored, so it cannot be refused once acknowledged.
     *
     * @return {@code false} when every worker is busy and the queue is full
     */
    boolean reserve() {
        return places.tryAcquire();
    }

    /** Gives back a place taken for a job that will not run (a repeat of an event taken before). */
    void release() {
        places.release();
    }

    /**
     * Runs {@code job} on a worker, in a place {@link #reserve() reserved} for it, given back once it ends.
     *
     * @return {@code false} when it was refused because the workers are shutting down: it will not run here
     */
    boolean run(String what, Runnable job) {
        pending.begin();
        try {
            pool.execute(() -> {
                try {
                    job.run();
                } catch (RuntimeException e) {
                    LOG.error("{} failed: {}", what, e.getMessage(), e);
                } finally {
                    places.release();
                    pending.end();
                }
            });
            return true;
        } catch (RejectedExecutionException rejected) {
            places.release();
            pending.end();
            LOG.warn("{} refused: shutting down", what);
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

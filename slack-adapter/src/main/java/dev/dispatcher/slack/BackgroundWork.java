package dev.dispatcher.slack;

import dev.dispatcher.ops.DispatcherMetrics;
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
 * The workers that do what a Slack handler must not do before acknowledging: claim the delivery, route, store, post.
 * A failing job is logged and counted, and the workers carry on, so one bad event never takes the bot down. The queue
 * is bounded: when it is full a job is refused at once, so the handler can tell Slack or the user that the bot is busy
 * rather than acknowledge work it would only get to minutes later. At shutdown the work already acknowledged is
 * finished, within a bounded wait. Thread-safe.
 */
final class BackgroundWork implements AutoCloseable {

    /** How long shutdown waits for acknowledged work; Kubernetes' default grace period is 30 s. */
    static final Duration DRAIN_LIMIT = Duration.ofSeconds(25);

    private static final Logger LOG = LoggerFactory.getLogger(BackgroundWork.class);

    private final ThreadPoolExecutor workers;
    private final DispatcherMetrics metrics;
    private final AtomicInteger pending = new AtomicInteger();
    private final Object idle = new Object();

    /**
     * @param threads    workers
     * @param queueLimit jobs that may wait for a worker; one more is refused
     */
    BackgroundWork(int threads, int queueLimit, DispatcherMetrics metrics) {
        this.metrics = metrics;
        AtomicInteger counter = new AtomicInteger();
        this.workers = new ThreadPoolExecutor(threads, threads, 0, TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(queueLimit), r -> {
            Thread t = new Thread(r, "slack-work-" + counter.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    /** Every worker is busy and the queue is full: the next job would be refused. */
    boolean full() {
        return workers.getQueue().remainingCapacity() == 0;
    }

    /**
     * Runs {@code job} on a worker; {@code what} names it in the log if it fails.
     *
     * @return {@code false} when the job was refused (the queue is full, or the bot is shutting down): it will not run
     */
    boolean submit(String what, Runnable job) {
        pending.incrementAndGet();
        try {
            workers.execute(() -> {
                try {
                    job.run();
                } catch (RuntimeException e) {
                    metrics.error(HandledEvent.PLATFORM, "job_failed");
                    LOG.error("{} failed: {}", what, e.getMessage(), e);
                } finally {
                    finished();
                }
            });
            return true;
        } catch (RejectedExecutionException rejected) {
            finished();
            metrics.error(HandledEvent.PLATFORM, "busy");
            LOG.warn("{} refused: {}", what, workers.isShutdown() ? "shutting down" : "every worker busy and the queue full");
            return false;
        }
    }

    /** Waits until no job is queued or running; {@code false} when the timeout came first. */
    boolean awaitIdle(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (idle) {
            while (pending.get() > 0) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                TimeUnit.NANOSECONDS.timedWait(idle, left);
            }
            return true;
        }
    }

    private void finished() {
        if (pending.decrementAndGet() == 0) {
            synchronized (idle) {
                idle.notifyAll();
            }
        }
    }

    /**
     * Takes no new jobs and finishes the queued and running ones, waiting at most {@code limit}; what is left then is
     * abandoned, logged and counted.
     *
     * @return whether every job finished
     */
    boolean drain(Duration limit) {
        workers.shutdown();
        try {
            if (workers.awaitTermination(limit.toMillis(), TimeUnit.MILLISECONDS)) {
                return true;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        List<Runnable> abandoned = workers.shutdownNow();
        abandoned.forEach(job -> metrics.error(HandledEvent.PLATFORM, "abandoned_at_shutdown"));
        LOG.error("shutdown: {} acknowledged Slack events were still queued after {} s and are abandoned; {} more were"
                + " interrupted", abandoned.size(), limit.toSeconds(), Math.max(0, pending.get() - abandoned.size()));
        return false;
    }

    /** Drains within {@link #DRAIN_LIMIT}. */
    @Override
    public void close() {
        drain(DRAIN_LIMIT);
    }
}

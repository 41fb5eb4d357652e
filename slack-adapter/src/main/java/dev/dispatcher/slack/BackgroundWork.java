package dev.dispatcher.slack;

import dev.dispatcher.ops.DispatcherMetrics;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The workers that do what a Slack handler must not do before acknowledging: claim the delivery, route, store, post.
 * A failing job is logged and counted, and the workers carry on, so one bad event never takes the bot down. At
 * shutdown the work already acknowledged is finished, within a bounded wait. Thread-safe.
 */
final class BackgroundWork implements AutoCloseable {

    /** How long shutdown waits for acknowledged work; Kubernetes' default grace period is 30 s. */
    static final Duration DRAIN_LIMIT = Duration.ofSeconds(25);

    private static final Logger LOG = LoggerFactory.getLogger(BackgroundWork.class);

    private final ExecutorService workers;
    private final DispatcherMetrics metrics;
    private final AtomicInteger pending = new AtomicInteger();
    private final Object idle = new Object();

    BackgroundWork(int threads, DispatcherMetrics metrics) {
        this.metrics = metrics;
        AtomicInteger counter = new AtomicInteger();
        this.workers = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "slack-work-" + counter.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    /** Runs {@code job} on a worker; {@code what} names it in the log if it fails. */
    void submit(String what, Runnable job) {
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
        } catch (RuntimeException rejected) {
            finished();
            metrics.error(HandledEvent.PLATFORM, "job_rejected");
            LOG.error("{} was not run: {}", what, rejected.getMessage());
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

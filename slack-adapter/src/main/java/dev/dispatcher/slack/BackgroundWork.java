package dev.dispatcher.slack;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The workers that do what a Slack handler must not do before acknowledging: route, store, post. A failing job is
 * logged and the workers carry on, so one bad event never takes the bot down. Thread-safe.
 */
final class BackgroundWork implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(BackgroundWork.class);

    private final ExecutorService workers;
    private final AtomicInteger pending = new AtomicInteger();
    private final Object idle = new Object();

    BackgroundWork(int threads) {
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
                    LOG.error("{} failed: {}", what, e.getMessage(), e);
                } finally {
                    finished();
                }
            });
        } catch (RuntimeException rejected) {
            finished();
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

    @Override
    public void close() {
        workers.shutdown();
        try {
            if (!workers.awaitTermination(5, TimeUnit.SECONDS)) {
                workers.shutdownNow();
            }
        } catch (InterruptedException e) {
            workers.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}

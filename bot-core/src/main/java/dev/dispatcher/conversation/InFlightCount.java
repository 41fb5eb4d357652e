package dev.dispatcher.conversation;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Counts work in flight and lets a shutdown wait until none is left: jobs on the pipeline's workers, or an adapter's
 * requests still waiting for the platform. Thread-safe.
 */
public final class InFlightCount {

    private final AtomicInteger running = new AtomicInteger();
    private final Object idle = new Object();

    /** One more piece of work started; each call must be followed by one {@link #end()}. */
    public void begin() {
        running.incrementAndGet();
    }

    /** One piece of work ended. */
    public void end() {
        if (running.decrementAndGet() == 0) {
            synchronized (idle) {
                idle.notifyAll();
            }
        }
    }

    /** How much work is in flight now. */
    public int running() {
        return running.get();
    }

    /**
     * Waits until nothing is in flight.
     *
     * @return {@code false} when the timeout came first
     */
    public boolean awaitIdle(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (idle) {
            while (running.get() > 0) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                TimeUnit.NANOSECONDS.timedWait(idle, left);
            }
            return true;
        }
    }
}

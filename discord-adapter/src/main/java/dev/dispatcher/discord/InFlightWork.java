package dev.dispatcher.discord;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Counts the work a shutdown must wait for, and says whether new events are still taken. Work is an event being
 * handled by a listener, or a request to Discord whose callback has not finished: callbacks queue the next request
 * before they end, so a {@code /route} stays counted from the event to its last message.
 *
 * <p>Thread-safe: events arrive on JDA's gateway threads, callbacks on its callback pool, the shutdown on the JVM's hook
 * thread.
 */
final class InFlightWork {

    private final AtomicInteger running = new AtomicInteger();
    private final Object idle = new Object();
    private volatile boolean admitting = true;

    /**
     * Starts handling an event, unless the bot stopped taking events; each {@code true} must be followed by one
     * {@link #end()}.
     */
    boolean admit() {
        // Count first, then look: a shutdown that closed the door in between sees this work and waits for it.
        running.incrementAndGet();
        if (admitting) {
            return true;
        }
        end();
        return false;
    }

    /** Starts work that belongs to an admitted event (a request to Discord); always counted. */
    void begin() {
        running.incrementAndGet();
    }

    void end() {
        if (running.decrementAndGet() == 0) {
            synchronized (idle) {
                idle.notifyAll();
            }
        }
    }

    /** From now on {@link #admit()} refuses: the first step of a shutdown. */
    void stopAdmitting() {
        admitting = false;
    }

    boolean isAdmitting() {
        return admitting;
    }

    /** How much work is in flight now. */
    int running() {
        return running.get();
    }

    /**
     * Waits until nothing is in flight.
     *
     * @return {@code false} when the timeout came first
     */
    boolean awaitIdle(Duration timeout) throws InterruptedException {
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

package dev.dispatcher.discord;

import dev.dispatcher.conversation.InFlightCount;
import java.time.Duration;

/**
 * Counts the work a shutdown must wait for, and says whether new events are still taken. Work is an event being
 * handled by a listener, or a request to Discord whose callback has not finished: callbacks queue the next request
 * before they end, so a {@code /route} stays counted from the event to its last message.
 *
 * <p>Thread-safe: events arrive on JDA's gateway threads, callbacks on its callback pool, the shutdown on the JVM's hook
 * thread.
 */
final class InFlightWork {

    private final InFlightCount running = new InFlightCount();
    private volatile boolean admitting = true;

    /**
     * Starts handling an event, unless the bot stopped taking events; each {@code true} must be followed by one
     * {@link #end()}.
     */
    boolean admit() {
        // Count first, then look: a shutdown that closed the door in between sees this work and waits for it.
        running.begin();
        if (admitting) {
            return true;
        }
        end();
        return false;
    }

    /** Starts work that belongs to an admitted event (a request to Discord); always counted. */
    void begin() {
        running.begin();
    }

    void end() {
        running.end();
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
        return running.running();
    }

    /**
     * Waits until nothing is in flight.
     *
     * @return {@code false} when the timeout came first
     */
    boolean awaitIdle(Duration timeout) throws InterruptedException {
        return running.awaitIdle(timeout);
    }
}

package dev.dispatcher.slack;

import dev.dispatcher.ops.EventLog;
import java.time.Duration;

/**
 * One Slack event on its way through the bot, timed from its arrival to its last effect and logged once, when handled,
 * through the core's {@link EventLog}: {@code handled mention on slack platform=slack event=mention channel=C0…
 * eventId=Ev0… decisionId=… specialist=… latencyMs=…}. Immutable.
 */
final class HandledEvent {

    static final String PLATFORM = "slack";

    private final String kind;
    private final String channel;
    private final String eventId;
    private final long arrivedNanos;

    private HandledEvent(String kind, String channel, String eventId) {
        this.kind = kind;
        this.channel = channel;
        this.eventId = eventId;
        this.arrivedNanos = System.nanoTime();
    }

    /**
     * Starts the clock for an event that just arrived.
     *
     * @param kind    {@code slash_command}, {@code mention}, {@code flag}, {@code unflag} or {@code correction}
     * @param eventId Slack's {@code event_id}, or the {@code trigger_id} of a slash command or menu choice
     */
    static HandledEvent arrived(String kind, String channel, String eventId) {
        return new HandledEvent(kind, channel, eventId);
    }

    /** The event was handled without a routing decision (usage, statistics, a reaction on someone else's message). */
    void handled() {
        handled(null, null);
    }

    /** The event was handled; logs its line with the time since it arrived. */
    void handled(String decisionId, String specialist) {
        EventLog.handled(PLATFORM, kind, channel, eventId, decisionId, specialist,
                Duration.ofNanos(System.nanoTime() - arrivedNanos));
    }

    /** Names the event in log lines about it, e.g. {@code mention Ev0123}. */
    String describe() {
        return kind + " " + eventId;
    }
}

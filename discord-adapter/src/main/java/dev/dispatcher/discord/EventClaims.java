package dev.dispatcher.discord;

import dev.dispatcher.ops.DispatcherMetrics;
import dev.dispatcher.store.EventLedger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers each Discord interaction or message once, even when the gateway replays it after a reconnect or another
 * shard process sees it too: the first claim of {@code discord:<snowflake>} in the shared database wins.
 */
final class EventClaims {

    private static final Logger LOG = LoggerFactory.getLogger(EventClaims.class);

    private final EventLedger ledger;
    private final DispatcherMetrics metrics;

    EventClaims(EventLedger ledger, DispatcherMetrics metrics) {
        this.ledger = ledger;
        this.metrics = metrics;
    }

    /**
     * @param snowflake the interaction or message id
     * @return {@code true} the first time; {@code false} for a replay. If the database cannot say, the event is
     *         answered: a rare double answer is better than silence.
     */
    boolean firstTime(String snowflake) {
        String key = "discord:" + snowflake;
        try {
            boolean first = ledger.claim(key);
            if (!first) {
                LOG.info("discord: event {} was already handled; ignoring the replay", key);
                metrics.duplicateDropped("discord");
            }
            return first;
        } catch (RuntimeException e) {
            LOG.warn("discord: cannot record event {} ({}); answering it anyway", key, e.getMessage());
            return true;
        }
    }
}

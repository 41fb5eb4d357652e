package dev.dispatcher.discord;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.dispatcher.ops.DispatcherMetrics;
import dev.dispatcher.store.EventLedger;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers each Discord interaction or message once, even when the gateway replays it after a reconnect or another
 * shard process sees it too: the first claim of {@code discord:<snowflake>} in the shared database wins. An interaction
 * must be acknowledged within three seconds, before that database write can be afforded on the gateway thread, so
 * {@link #firstTimeHere} first tells a replay from memory (a RESUME replays to the same process). Thread-safe.
 */
final class EventClaims {

    private static final Logger LOG = LoggerFactory.getLogger(EventClaims.class);

    private final EventLedger ledger;
    private final DispatcherMetrics metrics;
    /** Snowflakes seen by this process lately: longer than an interaction lives (15 minutes). */
    private final Cache<String, Boolean> seenHere = Caffeine.newBuilder()
            .maximumSize(100_000).expireAfterWrite(Duration.ofMinutes(20)).executor(Runnable::run).build();

    EventClaims(EventLedger ledger, DispatcherMetrics metrics) {
        this.ledger = ledger;
        this.metrics = metrics;
    }

    /**
     * Whether this process sees the event for the first time: a memory lookup, cheap enough before the acknowledgement.
     * {@link #firstTime} still decides across processes and restarts.
     */
    boolean firstTimeHere(String snowflake) {
        boolean first = seenHere.asMap().putIfAbsent(snowflake, Boolean.TRUE) == null;
        if (!first) {
            LOG.info("discord: event discord:{} was already taken by this process; ignoring the replay", snowflake);
            metrics.duplicateDropped("discord");
        }
        return first;
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

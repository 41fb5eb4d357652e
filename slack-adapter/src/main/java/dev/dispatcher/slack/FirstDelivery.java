package dev.dispatcher.slack;

import dev.dispatcher.ops.DispatcherMetrics;
import dev.dispatcher.store.EventLedger;
import dev.dispatcher.store.StoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells a first delivery from Slack's retries and redeliveries, through the core's persistent {@link EventLedger}: an
 * event id (or a slash command's trigger id) is answered once, across retries, restarts and replicas. Every repeat
 * dropped is counted ({@code dispatcher_duplicate_events_total}). Claims touch the database, so they run on a worker,
 * never before the acknowledgement. Thread-safe.
 */
final class FirstDelivery {

    private static final Logger LOG = LoggerFactory.getLogger(FirstDelivery.class);

    private final EventLedger ledger;
    private final DispatcherMetrics metrics;

    FirstDelivery(EventLedger ledger, DispatcherMetrics metrics) {
        this.ledger = ledger;
        this.metrics = metrics;
    }

    /**
     * Claims a delivery.
     *
     * @param id Slack's {@code event_id}, or {@code command:} plus a slash command's {@code trigger_id}
     * @return {@code true} the first time; also when the id is missing or the database cannot tell, since answering
     *         twice is better than never answering
     */
    boolean claim(String id) {
        if (id == null || id.isBlank() || id.endsWith(":null")) {
            return true;
        }
        try {
            boolean first = ledger.claim("slack:" + id);
            if (!first) {
                metrics.duplicateDropped(HandledEvent.PLATFORM);
                LOG.debug("Slack delivery {} was already handled; dropping the repeat", id);
            }
            return first;
        } catch (StoreException e) {
            metrics.error(HandledEvent.PLATFORM, "delivery_claim_failed");
            LOG.error("cannot tell whether Slack delivery {} is a repeat; handling it: {}", id, e.getMessage());
            return true;
        }
    }
}

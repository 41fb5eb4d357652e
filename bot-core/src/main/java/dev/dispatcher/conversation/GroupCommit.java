package dev.dispatcher.conversation;

import dev.dispatcher.store.StoreException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stores arriving events as jobs, many in one transaction: one thread takes whatever has queued up while the previous
 * transaction was committing and commits it together, so a burst costs one disk sync instead of one per event, and no
 * platform thread waits behind another's sync. Each event's future completes once it is durable ({@code true}), found
 * to be a repeat ({@code false}), or could not be stored (a {@link StoreException}). Thread-safe.
 */
final class GroupCommit implements AutoCloseable {

    /** At most this many events in one transaction. */
    static final int MAX_BATCH = 256;

    private static final Logger LOG = LoggerFactory.getLogger(GroupCommit.class);

    private record Waiting(InboundEvent event, CompletableFuture<Boolean> stored) {}

    private final JobStore store;
    private final String owner;
    private final Duration lease;
    private final Clock clock;
    private final BlockingQueue<Waiting> queue = new LinkedBlockingQueue<>();
    private final Thread committer;
    private volatile boolean open = true;

    GroupCommit(JobStore store, String owner, Duration lease, Clock clock, String name) {
        this.store = store;
        this.owner = owner;
        this.lease = lease;
        this.clock = clock;
        this.committer = new Thread(this::commitLoop, name + "-intake");
        committer.setDaemon(true);
        committer.start();
    }

    /** Queues {@code event} for the next transaction. */
    CompletableFuture<Boolean> store(InboundEvent event) {
        CompletableFuture<Boolean> stored = new CompletableFuture<>();
        if (!open) {
            stored.completeExceptionally(new StoreException("the bot is shutting down", null));
            return stored;
        }
        queue.add(new Waiting(event, stored));
        return stored;
    }

    private void commitLoop() {
        List<Waiting> batch = new ArrayList<>();
        while (open || !queue.isEmpty()) {
            try {
                Waiting first = queue.poll(200, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, MAX_BATCH - 1);
                commit(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                LOG.error("storing arriving events failed: {}", e.getMessage(), e);
                batch.forEach(waiting -> waiting.stored().completeExceptionally(e));
            } finally {
                batch.clear();
            }
        }
    }

    private void commit(List<Waiting> batch) {
        boolean[] inserted;
        try {
            inserted = store.insertAll(batch.stream().map(Waiting::event).toList(), owner, clock.instant().plus(lease));
        } catch (StoreException e) {
            batch.forEach(waiting -> waiting.stored().completeExceptionally(e));
            return;
        }
        for (int i = 0; i < batch.size(); i++) {
            batch.get(i).stored().complete(inserted[i]);
        }
    }

    /** Stores what has already arrived, then stops. */
    @Override
    public void close() {
        open = false;
        try {
            committer.join(Duration.ofSeconds(5).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

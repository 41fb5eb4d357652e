package dev.dispatcher.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;

/**
 * Platform events already handled, so a retried or redelivered event is answered exactly once, across restarts and
 * across replicas sharing one database. The claim is a single insert that only one caller can win. Thread-safe.
 */
public final class EventLedger {

    private final Database database;
    private final Clock clock;

    public EventLedger(Database database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    /**
     * Claims an event for handling.
     *
     * @param eventKey platform and event id, e.g. {@code slack:Ev0123}
     * @return {@code true} for the first claim of this key anywhere, {@code false} for every later one
     */
    public boolean claim(String eventKey) {
        String sql = "INSERT INTO processed_events (event_key, created_at) VALUES (?, ?) ON CONFLICT (event_key) DO NOTHING";
        try (Connection c = database.connection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, eventKey);
            s.setLong(2, clock.millis());
            return s.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new StoreException("cannot record event " + eventKey + ": " + e.getMessage(), e);
        }
    }

    /** Forgets events older than the platforms' retry windows; returns how many were removed. */
    public int prune(Duration olderThan) {
        try (Connection c = database.connection();
             PreparedStatement s = c.prepareStatement("DELETE FROM processed_events WHERE created_at < ?")) {
            s.setLong(1, clock.millis() - olderThan.toMillis());
            return s.executeUpdate();
        } catch (SQLException e) {
            throw new StoreException("cannot prune processed events: " + e.getMessage(), e);
        }
    }
}

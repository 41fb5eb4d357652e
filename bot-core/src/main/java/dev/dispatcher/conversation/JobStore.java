package dev.dispatcher.conversation;

import dev.dispatcher.dispatch.ConversationRef;
import dev.dispatcher.store.Database;
import dev.dispatcher.store.StoreException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The durable side of the pipeline: jobs stored before the acknowledgement, leased by one worker at a time, with each
 * completed step recorded. Inserting a job is also the once-only claim of its event: its key is the platform's event
 * id. Jobs whose lease ran out are handed to whichever replica asks first ({@code FOR UPDATE SKIP LOCKED} on
 * PostgreSQL; SQLite has one writer at a time). Thread-safe.
 */
public final class JobStore {

    /** Where a job is in its life. */
    public enum State { PENDING, DONE, FAILED, EXPIRED }

    private static final String FIELD = "\u001f";

    private final Database database;
    private final Clock clock;

    public JobStore(Database database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    /**
     * Stores a new job leased to {@code owner} until {@code leaseUntil}.
     *
     * @return {@code false} when a job for this event exists already: the event is a retry or a replay
     * @throws StoreException when the database cannot store it
     */
    public boolean insert(InboundEvent event, String owner, Instant leaseUntil) {
        return insertAll(List.of(event), owner, leaseUntil)[0];
    }

    /**
     * Stores several new jobs in one transaction, so that one disk sync makes them all durable.
     *
     * @return for each event, whether it was new ({@code false}: a job for it existed already)
     * @throws StoreException when the database cannot store them; then none is stored
     */
    public boolean[] insertAll(List<InboundEvent> events, String owner, Instant leaseUntil) {
        String sql = "INSERT INTO jobs (job_key, kind, platform, channel, thread, message, actor, actor_roles, task_text,"
                + " callback, decision_ref, about_bot, state, lease_owner, lease_until, attempts, received_at, updated_at)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'PENDING', ?, ?, 1, ?, ?) ON CONFLICT (job_key) DO NOTHING";
        boolean[] inserted = new boolean[events.size()];
        try (Connection c = database.durableConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement s = c.prepareStatement(sql)) {
                for (int i = 0; i < events.size(); i++) {
                    bind(s, events.get(i), owner, leaseUntil);
                    inserted[i] = s.executeUpdate() == 1;
                }
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
            return inserted;
        } catch (SQLException e) {
            throw new StoreException("cannot store " + events.size() + " jobs: " + e.getMessage(), e);
        }
    }

    private void bind(PreparedStatement s, InboundEvent event, String owner, Instant leaseUntil) throws SQLException {
        ConversationRef where = event.conversation();
        s.setString(1, event.key());
        s.setString(2, event.kind().name());
        s.setString(3, where.platform());
        s.setString(4, where.channel());
        s.setString(5, where.thread());
        s.setString(6, where.message());
        s.setString(7, event.actor().userId());
        s.setString(8, String.join(",", event.actor().roleIds()));
        s.setString(9, event.text());
        s.setString(10, event.callback());
        s.setString(11, event.decisionId());
        s.setInt(12, event.aboutBotMessage() ? 1 : 0);
        s.setString(13, owner);
        s.setLong(14, leaseUntil.toEpochMilli());
        s.setLong(15, event.receivedAt().toEpochMilli());
        s.setLong(16, clock.millis());
    }

    /**
     * Runs {@code writes} (this store's and others', such as a message's tie to its decision) in one transaction.
     *
     * @throws StoreException when it cannot be committed; then none of them is kept
     */
    public void together(Runnable writes) {
        database.together(writes);
    }

    /** Records that the root message was posted (and which decision it shows). */
    public void rootPosted(Job job) {
        update("UPDATE jobs SET decision_id = ?, root_ref = ?, updated_at = ? WHERE job_key = ?",
                job.decisionId(), encode(job.root()), clock.millis(), job.event().key());
    }

    /** Records that the answer was posted, and that the job is done. */
    public void answered(Job job) {
        update("UPDATE jobs SET decision_id = ?, answer_ref = ?, state = 'DONE', lease_owner = NULL, updated_at = ? WHERE job_key = ?",
                job.decisionId(), encode(job.answer()), clock.millis(), job.event().key());
    }

    /** Records that the routing answer was posted and that the specialist's answer is still to come. */
    public void analysed(Job job) {
        update("UPDATE jobs SET decision_id = ?, answer_ref = ?, updated_at = ? WHERE job_key = ?",
                job.decisionId(), encode(job.answer()), clock.millis(), job.event().key());
    }

    /** Records the message that shows (and, while it streams, will show) the specialist's answer. */
    public void spoken(Job job) {
        update("UPDATE jobs SET spoken_ref = ?, updated_at = ? WHERE job_key = ?",
                encode(job.spoken()), clock.millis(), job.event().key());
    }

    /** Ends a job in {@code state}: no worker will take it again. */
    public void finish(Job job, State state) {
        update("UPDATE jobs SET state = ?, lease_owner = NULL, updated_at = ? WHERE job_key = ?",
                state.name(), clock.millis(), job.event().key());
    }

    /**
     * Extends {@code owner}'s lease on a job.
     *
     * @return {@code false} when the job is no longer pending or another replica took it over
     */
    public boolean renew(Job job, String owner, Instant until) {
        try (Connection c = database.connection(); PreparedStatement s = c.prepareStatement(
                "UPDATE jobs SET lease_until = ?, updated_at = ? WHERE job_key = ? AND lease_owner = ? AND state = 'PENDING'")) {
            s.setLong(1, until.toEpochMilli());
            s.setLong(2, clock.millis());
            s.setString(3, job.event().key());
            s.setString(4, owner);
            return s.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new StoreException("cannot renew the lease of job " + job.event() + ": " + e.getMessage(), e);
        }
    }

    /**
     * Takes over at most {@code limit} pending jobs whose lease ran out, oldest first, leasing them to {@code owner}.
     * Two replicas asking at once never get the same job.
     */
    public List<Job> claimExpired(String owner, Duration lease, int limit) {
        if (limit <= 0) {
            return List.of();
        }
        long now = clock.millis();
        String due = "SELECT job_key FROM jobs WHERE state = 'PENDING' AND lease_until < ? ORDER BY received_at LIMIT ?"
                + (database.dialect() == Database.Dialect.POSTGRESQL ? " FOR UPDATE SKIP LOCKED" : "");
        String sql = "UPDATE jobs SET lease_owner = ?, lease_until = ?, attempts = attempts + 1, updated_at = ?"
                + " WHERE job_key IN (" + due + ") AND state = 'PENDING' AND lease_until < ? RETURNING *";
        try (Connection c = database.connection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, owner);
            s.setLong(2, now + lease.toMillis());
            s.setLong(3, now);
            s.setLong(4, now);
            s.setInt(5, limit);
            s.setLong(6, now);
            List<Job> jobs = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    jobs.add(read(rs));
                }
            }
            return jobs;
        } catch (SQLException e) {
            throw new StoreException("cannot claim expired jobs: " + e.getMessage(), e);
        }
    }

    /** How many jobs wait to be finished, on every replica. */
    public int pending() {
        try (Connection c = database.connection(); PreparedStatement s = c.prepareStatement(
                "SELECT COUNT(*) FROM jobs WHERE state = 'PENDING'"); ResultSet rs = s.executeQuery()) {
            return rs.next() ? rs.getInt(1) : 0;
        } catch (SQLException e) {
            throw new StoreException("cannot count pending jobs: " + e.getMessage(), e);
        }
    }

    /** Forgets finished jobs older than the platforms' retry windows; returns how many were removed. */
    public int prune(Duration olderThan) {
        try (Connection c = database.connection(); PreparedStatement s = c.prepareStatement(
                "DELETE FROM jobs WHERE state <> 'PENDING' AND updated_at < ?")) {
            s.setLong(1, clock.millis() - olderThan.toMillis());
            return s.executeUpdate();
        } catch (SQLException e) {
            throw new StoreException("cannot prune finished jobs: " + e.getMessage(), e);
        }
    }

    private void update(String sql, Object... values) {
        try (Connection c = database.connection(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                s.setObject(i + 1, values[i]);
            }
            s.executeUpdate();
        } catch (SQLException e) {
            throw new StoreException("cannot record a job step: " + e.getMessage(), e);
        }
    }

    private static Job read(ResultSet rs) throws SQLException {
        String platform = rs.getString("platform");
        String roles = rs.getString("actor_roles");
        InboundEvent event = new InboundEvent(EventKind.valueOf(rs.getString("kind")),
                rs.getString("job_key").substring(platform.length() + 1),
                new ConversationRef(platform, rs.getString("channel"), rs.getString("thread"), rs.getString("message")),
                new Actor(rs.getString("actor"), roles == null || roles.isEmpty() ? List.of() : Arrays.asList(roles.split(","))),
                rs.getString("task_text"), rs.getString("callback"), rs.getString("decision_ref"),
                rs.getInt("about_bot") == 1, Instant.ofEpochMilli(rs.getLong("received_at")));
        return new Job(event, true, rs.getInt("attempts"), rs.getString("decision_id"),
                decode(platform, rs.getString("root_ref")), decode(platform, rs.getString("answer_ref")),
                decode(platform, rs.getString("spoken_ref")));
    }

    static String encode(ConversationRef ref) {
        if (ref == null) {
            return null;
        }
        return ref.channel() + FIELD + (ref.thread() == null ? "" : ref.thread()) + FIELD + (ref.message() == null ? "" : ref.message());
    }

    static ConversationRef decode(String platform, String encoded) {
        if (encoded == null) {
            return null;
        }
        String[] parts = encoded.split(FIELD, -1);
        return new ConversationRef(platform, parts[0], parts[1].isEmpty() ? null : parts[1], parts[2].isEmpty() ? null : parts[2]);
    }
}

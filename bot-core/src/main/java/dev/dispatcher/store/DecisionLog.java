package dev.dispatcher.store;

import dev.dispatcher.dispatch.ConversationRef;
import dev.dispatcher.dispatch.Task;
import dev.dispatcher.routing.RoutingDecision;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * Every routed task, kept with the reference of the message that carried its reply, so a reaction on that message
 * finds the decision again, on any replica and after any restart. Thread-safe.
 */
public final class DecisionLog {

    /** The most of one task that is ever stored; routing reads less ({@code settings.maxTaskChars}, 2,000 by default). */
    public static final int MAX_STORED_CHARS = 10_000;

    private static final char[] ID_ALPHABET = "abcdefghijkmnpqrstuvwxyz23456789".toCharArray();

    /** A decision with the thread of its primary reply. */
    private static final String SELECT = "SELECT d.*, r.thread AS reply_thread FROM decisions d"
            + " LEFT JOIN reply_messages r ON r.message_key = d.reply_ref";

    private final Database database;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    public DecisionLog(Database database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    /**
     * Stores a decision, with the task as it was routed: a task longer than the router reads is kept as the prefix
     * that was routed (at most {@link #MAX_STORED_CHARS} characters) together with its full length.
     *
     * @return the new decision id
     * @throws StoreException when the database refuses it
     */
    public String record(Task task, RoutingDecision decision) {
        String id = newId();
        String text = task.text().strip();
        String sql = "INSERT INTO decisions (id, created_at, platform, channel, requester, task_text, specialist,"
                + " confidence, fallback, reply_ref, source, task_length) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, ?, ?)";
        try (Connection c = database.connection()) {
            // One transaction, so the decision and its evidence cost one disk sync, and never half of it is kept.
            c.setAutoCommit(false);
            try (PreparedStatement s = c.prepareStatement(sql)) {
                insertDecision(s, id, task, decision, text);
            }
            try (PreparedStatement s = c.prepareStatement("INSERT INTO decision_evidence (decision_id, evidence) VALUES (?, ?)")) {
                s.setString(1, id);
                s.setString(2, EvidenceLine.of(decision));
                s.executeUpdate();
            }
            c.commit();
            return id;
        } catch (SQLException e) {
            throw new StoreException("cannot record decision for task from " + task.requester() + ": " + e.getMessage(), e);
        }
    }

    private void insertDecision(PreparedStatement s, String id, Task task, RoutingDecision decision, String text) throws SQLException {
        s.setString(1, id);
        s.setLong(2, clock.millis());
        s.setString(3, task.origin().platform());
        s.setString(4, task.origin().channel());
        s.setString(5, task.requester());
        s.setString(6, storedPrefix(text, decision));
        s.setString(7, decision.specialist());
        s.setDouble(8, decision.confidence());
        s.setString(9, decision.isFallback() ? decision.fallback().kind().name() : null);
        s.setString(10, DecisionSource.of(task.origin()).column());
        s.setInt(11, text.length());
        s.executeUpdate();
    }

    /** What of a task is kept: the part the router read, never more than {@link #MAX_STORED_CHARS}, never half a character. */
    static String storedPrefix(String text, RoutingDecision decision) {
        int keep = Math.min(text.length(), MAX_STORED_CHARS);
        if (decision.truncated()) {
            keep = Math.min(keep, decision.routedChars());
        }
        if (keep > 0 && keep < text.length() && Character.isHighSurrogate(text.charAt(keep - 1))) {
            keep--;
        }
        return text.substring(0, keep);
    }

    /**
     * Ties a decision to a platform message that shows it. A decision may be shown by several messages (an
     * announcement and its threaded analysis); the first one attached is its primary reply. Attaching the same message
     * again changes nothing.
     */
    public void attach(String decisionId, ConversationRef reply) {
        try (Connection c = database.connection()) {
            // One transaction, so attaching costs one disk sync, and never half of it is kept.
            c.setAutoCommit(false);
            try (PreparedStatement s = c.prepareStatement("INSERT INTO reply_messages (message_key, decision_id, thread, created_at)"
                    + " VALUES (?, ?, ?, ?) ON CONFLICT (message_key) DO NOTHING")) {
                s.setString(1, reply.messageKey());
                s.setString(2, decisionId);
                s.setString(3, reply.thread());
                s.setLong(4, clock.millis());
                s.executeUpdate();
            }
            try (PreparedStatement s = c.prepareStatement("UPDATE decisions SET reply_ref = ? WHERE id = ? AND reply_ref IS NULL")) {
                s.setString(1, reply.messageKey());
                s.setString(2, decisionId);
                s.executeUpdate();
            }
            c.commit();
        } catch (SQLException e) {
            if (find(decisionId).isEmpty()) {
                throw new StoreException("no decision " + decisionId + " to attach " + reply.messageKey() + " to", e);
            }
            throw new StoreException("cannot attach reply to decision " + decisionId + ": " + e.getMessage(), e);
        }
    }

    public Optional<StoredDecision> find(String decisionId) {
        return queryOne(SELECT + " WHERE d.id = ?", decisionId);
    }

    /** The decision whose reply is this message, if the bot sent one there. */
    public Optional<StoredDecision> findByReply(ConversationRef reply) {
        return queryOne(SELECT + " WHERE d.id = (SELECT decision_id FROM reply_messages WHERE message_key = ?)", reply.messageKey());
    }

    private Optional<StoredDecision> queryOne(String sql, String parameter) {
        try (Connection c = database.connection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, parameter);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? Optional.of(read(rs)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new StoreException("cannot read decisions: " + e.getMessage(), e);
        }
    }

    static StoredDecision read(ResultSet rs) throws SQLException {
        return new StoredDecision(rs.getString("id"), Instant.ofEpochMilli(rs.getLong("created_at")),
                rs.getString("platform"), rs.getString("channel"), rs.getString("requester"), rs.getString("task_text"),
                rs.getString("specialist"), rs.getDouble("confidence"), rs.getString("fallback"), rs.getString("reply_ref"),
                rs.getString("reply_thread"), DecisionSource.fromColumn(rs.getString("source")), rs.getInt("task_length"));
    }

    private String newId() {
        char[] id = new char[10];
        for (int i = 0; i < id.length; i++) {
            id[i] = ID_ALPHABET[random.nextInt(ID_ALPHABET.length)];
        }
        return new String(id);
    }
}

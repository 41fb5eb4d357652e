package dev.dispatcher.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * Misroute flags and corrections, one of each per user per decision. Every write is committed before it returns, so
 * what the bot has confirmed to a user survives a crash. Thread-safe; concurrent flags from many users all count.
 */
public final class FeedbackStore {

    private final Database database;
    private final Clock clock;

    public FeedbackStore(Database database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    /** Records a flag; {@code false} when this user had already flagged this decision. */
    public boolean addFlag(String decisionId, String user) {
        return update("INSERT INTO flags (decision_id, user_id, created_at) VALUES (?, ?, ?) ON CONFLICT (decision_id, user_id) DO NOTHING",
                decisionId, user, clock.millis()) == 1;
    }

    /** Withdraws a user's flag and, with it, that user's correction; {@code false} when there was no flag. */
    public boolean removeFlag(String decisionId, String user) {
        update("DELETE FROM corrections WHERE decision_id = ? AND user_id = ?", decisionId, user);
        return update("DELETE FROM flags WHERE decision_id = ? AND user_id = ?", decisionId, user) == 1;
    }

    /** Records or replaces a user's correction of a decision, as one that teaches the router. */
    public void putCorrection(String decisionId, String user, String specialist) {
        putCorrection(decisionId, user, specialist, true);
    }

    /**
     * Records or replaces a user's correction of a decision.
     *
     * @param trusted whether it teaches the router now (its author may teach); otherwise it waits for confirmation
     */
    public void putCorrection(String decisionId, String user, String specialist, boolean trusted) {
        update("INSERT INTO corrections (decision_id, user_id, specialist, created_at, trusted) VALUES (?, ?, ?, ?, ?)"
                        + " ON CONFLICT (decision_id, user_id) DO UPDATE SET specialist = excluded.specialist,"
                        + " created_at = excluded.created_at, trusted = excluded.trusted",
                decisionId, user, specialist, clock.millis(), trusted ? 1 : 0);
    }

    /** Lets every correction of a decision that waits for confirmation teach the router; returns how many. */
    public int confirm(String decisionId) {
        return update("UPDATE corrections SET trusted = 1 WHERE decision_id = ? AND trusted = 0", decisionId);
    }

    /** Removes every flag and correction of a decision; returns how many corrections went. */
    public int forget(String decisionId) {
        int corrections = update("DELETE FROM corrections WHERE decision_id = ?", decisionId);
        update("DELETE FROM flags WHERE decision_id = ?", decisionId);
        return corrections;
    }

    public int flagCount(String decisionId) {
        return count("SELECT COUNT(*) FROM flags WHERE decision_id = ?", decisionId);
    }

    /** How many users corrected this decision to this specialist. */
    public int agreeing(String decisionId, String specialist) {
        return count("SELECT COUNT(*) FROM corrections WHERE decision_id = ? AND specialist = ?", decisionId, specialist);
    }

    /**
     * One user's correction, with the task it corrected.
     *
     * @param trusted whether it teaches the router (its author may teach, or someone confirmed it)
     */
    public record CorrectionRow(String decisionId, String taskText, String routedTo, String correctedTo, String user,
                                long createdAt, boolean trusted) {

        public CorrectionRow(String decisionId, String taskText, String routedTo, String correctedTo, String user, long createdAt) {
            this(decisionId, taskText, routedTo, correctedTo, user, createdAt, true);
        }
    }

    /** Every correction, oldest first, with the decision's task and original route. */
    public List<CorrectionRow> corrections() {
        return corrections("", new Object[0]);
    }

    /** The corrections of one decision, oldest first. */
    public List<CorrectionRow> corrections(String decisionId) {
        return corrections(" WHERE c.decision_id = ?", new Object[] {decisionId});
    }

    /** The corrections that wait for someone allowed to teach to confirm them, oldest first. */
    public List<CorrectionRow> awaitingReview() {
        return corrections(" WHERE c.trusted = 0", new Object[0]);
    }

    private List<CorrectionRow> corrections(String where, Object[] parameters) {
        String sql = "SELECT c.decision_id, d.task_text, d.specialist AS routed, c.specialist AS corrected, c.user_id,"
                + " c.created_at, c.trusted FROM corrections c JOIN decisions d ON d.id = c.decision_id" + where
                + " ORDER BY c.created_at, c.decision_id, c.user_id";
        List<CorrectionRow> rows = new ArrayList<>();
        try (Connection c = database.connection(); PreparedStatement s = c.prepareStatement(sql)) {
            bind(s, parameters);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    rows.add(new CorrectionRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getString(5), rs.getLong(6), rs.getInt(7) != 0));
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new StoreException("cannot read corrections: " + e.getMessage(), e);
        }
    }

    private int update(String sql, Object... parameters) {
        try (Connection c = database.connection(); PreparedStatement s = c.prepareStatement(sql)) {
            bind(s, parameters);
            return s.executeUpdate();
        } catch (SQLException e) {
            throw new StoreException("cannot store feedback: " + e.getMessage(), e);
        }
    }

    private int count(String sql, Object... parameters) {
        try (Connection c = database.connection(); PreparedStatement s = c.prepareStatement(sql)) {
            bind(s, parameters);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? rs.getInt(1) : 0;
            }
        } catch (SQLException e) {
            throw new StoreException("cannot read feedback: " + e.getMessage(), e);
        }
    }

    private static void bind(PreparedStatement s, Object... parameters) throws SQLException {
        for (int i = 0; i < parameters.length; i++) {
            s.setObject(i + 1, parameters[i]);
        }
    }
}

package dev.dispatcher.feedback;

import dev.dispatcher.store.Database;

/**
 * The SQL behind {@link RoutingStats}, one query per figure, the same on SQLite and PostgreSQL: every number is
 * computed by the database, so another reader of the same tables (a web page, a report) gets the same figures.
 * Each query takes the parameters of its {@link StatsScope} ({@link StatsScope#bind}), and nothing else.
 *
 * <p>A decision counts as corrected when the specialist most of its corrections name (ties: the first id in
 * alphabetical order, as {@link Majority} decides) is not the one it was routed to.
 */
final class StatsQueries {

    /** Decisions in the window, of the chosen traffic, and of the scope's specialist, platform and channel. */
    private final String decisionsInWindow;
    /** Code-point order for the tie-break, whatever the database's collation (PostgreSQL's may ignore hyphens). */
    private final String idOrder;

    StatsQueries(StatsScope scope, Database.Dialect dialect) {
        this.decisionsInWindow = scope.where();
        this.idOrder = dialect == Database.Dialect.POSTGRESQL ? " COLLATE \"C\"" : "";
    }

    /** specialist, decisions routed to it. */
    String routed() {
        return "SELECT d.specialist, COUNT(*) FROM decisions d WHERE " + decisionsInWindow + " GROUP BY d.specialist";
    }

    /** specialist, flags on its decisions, decisions of it flagged. */
    String flags() {
        return "SELECT d.specialist, COUNT(*), COUNT(DISTINCT d.id) FROM flags f JOIN decisions d ON d.id = f.decision_id"
                + " WHERE " + decisionsInWindow + " GROUP BY d.specialist";
    }

    /** corrections on the window's decisions. */
    String corrections() {
        return "SELECT COUNT(*) FROM corrections c JOIN decisions d ON d.id = c.decision_id WHERE " + decisionsInWindow;
    }

    /** routed to, corrected to (the majority), decisions: every confusion, most frequent first. */
    String confusions() {
        return majority()
                + " SELECT d.specialist, m.target, COUNT(*) AS decisions FROM majority m JOIN decisions d ON d.id = m.decision_id"
                + " WHERE m.place = 1 AND m.target <> d.specialist GROUP BY d.specialist, m.target"
                + " ORDER BY decisions DESC, d.specialist" + idOrder + ", m.target" + idOrder;
    }

    /**
     * bucket, decisions routed in it: decisions counted per period of {@code width} milliseconds, periods starting
     * {@code offset} milliseconds before a multiple of the width (weeks start on Monday: the epoch was a Thursday).
     */
    String routedPer(long offset, long width) {
        return "SELECT " + bucket(offset, width) + " AS bucket, COUNT(*) FROM decisions d WHERE " + decisionsInWindow
                + " GROUP BY " + bucket(offset, width);
    }

    /** bucket, decisions in it whose corrections' majority names another specialist; see {@link #routedPer}. */
    String correctedPer(long offset, long width) {
        return majority()
                + " SELECT " + bucket(offset, width) + " AS bucket, COUNT(*) FROM majority m JOIN decisions d ON d.id = m.decision_id"
                + " WHERE m.place = 1 AND m.target <> d.specialist GROUP BY " + bucket(offset, width);
    }

    private static String bucket(long offset, long width) {
        return "((d.created_at + " + offset + ") / " + width + ")";
    }

    /** The specialist most corrections of each decision in the window name: {@code majority(decision_id, target, place)}. */
    private String majority() {
        return "WITH votes AS (SELECT c.decision_id, c.specialist AS target, COUNT(*) AS n FROM corrections c"
                + " JOIN decisions d ON d.id = c.decision_id WHERE " + decisionsInWindow + " GROUP BY c.decision_id, c.specialist),"
                + " majority AS (SELECT decision_id, target, ROW_NUMBER() OVER (PARTITION BY decision_id"
                + " ORDER BY n DESC, target" + idOrder + ") AS place FROM votes)";
    }
}

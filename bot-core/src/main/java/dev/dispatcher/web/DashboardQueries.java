package dev.dispatcher.web;

import dev.dispatcher.feedback.StatsScope;
import dev.dispatcher.store.Database;
import dev.dispatcher.store.StoreException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The page's figures that {@code ./dispatcher stats} does not show: fallbacks and how often a correction followed,
 * one page of the flagged decisions, and the platforms and channels to filter by. Each is one query aggregated by the
 * database over the same {@link StatsScope} as the statistics. Thread-safe.
 */
final class DashboardQueries {

    /** Flagged decisions per page. */
    static final int PAGE_SIZE = 20;

    /** Channels offered in the filter: the busiest ones. */
    static final int CHANNEL_CHOICES = 50;

    private final Database database;
    private final MessageLinks links;

    DashboardQueries(Database database, MessageLinks links) {
        this.database = database;
        this.links = links;
    }

    List<FallbackLine> fallbacks(StatsScope scope) {
        String sql = "SELECT d.fallback, COUNT(*), SUM(CASE WHEN EXISTS (SELECT 1 FROM corrections c WHERE c.decision_id = d.id)"
                + " THEN 1 ELSE 0 END) FROM decisions d WHERE " + scope.where() + " AND d.fallback IS NOT NULL"
                + " GROUP BY d.fallback ORDER BY COUNT(*) DESC, d.fallback";
        List<FallbackLine> lines = new ArrayList<>();
        query(sql, scope, List.of(), rs -> lines.add(new FallbackLine(rs.getString(1), rs.getInt(2), rs.getInt(3))));
        return lines;
    }

    /** The flagged decisions of one page, the most recently flagged first. */
    List<FlaggedDecision> flagged(StatsScope scope, int page) {
        String sql = "SELECT d.id, d.created_at, d.platform, d.channel, d.requester, d.task_text, d.specialist, d.fallback,"
                + " d.reply_ref, r.thread, e.evidence, lf.last_flag"
                + " FROM (SELECT f.decision_id, MAX(f.created_at) AS last_flag FROM flags f JOIN decisions d ON d.id = f.decision_id"
                + " WHERE " + scope.where() + " GROUP BY f.decision_id) lf"
                + " JOIN decisions d ON d.id = lf.decision_id"
                + " LEFT JOIN reply_messages r ON r.message_key = d.reply_ref"
                + " LEFT JOIN decision_evidence e ON e.decision_id = d.id"
                + " ORDER BY lf.last_flag DESC, d.id LIMIT ? OFFSET ?";
        List<Object[]> rows = new ArrayList<>();
        query(sql, scope, List.of(PAGE_SIZE, (long) (page - 1) * PAGE_SIZE), rs -> rows.add(new Object[] {
            rs.getString(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7),
            rs.getString(8), rs.getString(9), rs.getString(10), rs.getString(11), rs.getLong(12)}));
        if (rows.isEmpty()) {
            return List.of();
        }
        List<String> ids = rows.stream().map(r -> (String) r[0]).toList();
        Map<String, List<String>> flaggers = new LinkedHashMap<>();
        Map<String, List<FlaggedDecision.CorrectionVote>> votes = new LinkedHashMap<>();
        String in = String.join(", ", Collections.nCopies(ids.size(), "?"));
        byIds("SELECT decision_id, user_id FROM flags WHERE decision_id IN (" + in + ") ORDER BY created_at, user_id", ids,
                rs -> flaggers.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(rs.getString(2)));
        byIds("SELECT decision_id, user_id, specialist, trusted FROM corrections WHERE decision_id IN (" + in + ")"
                + " ORDER BY created_at, user_id", ids, rs -> votes.computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
                .add(new FlaggedDecision.CorrectionVote(rs.getString(2), rs.getString(3), rs.getInt(4) != 0)));
        List<FlaggedDecision> page_ = new ArrayList<>();
        for (Object[] r : rows) {
            String id = (String) r[0];
            page_.add(new FlaggedDecision(id, Instant.ofEpochMilli((Long) r[1]), (String) r[2], (String) r[3], (String) r[4],
                    (String) r[5], (String) r[6], (String) r[7], (String) r[10], links.of((String) r[8], (String) r[9]),
                    Instant.ofEpochMilli((Long) r[11]), flaggers.getOrDefault(id, List.of()), votes.getOrDefault(id, List.of())));
        }
        return page_;
    }

    /** Platforms that asked anything, and the busiest channels, as {@code platform → channels}. */
    Map<String, List<String>> places() {
        Map<String, List<String>> places = new LinkedHashMap<>();
        String sql = "SELECT d.platform, d.channel, COUNT(*) FROM decisions d GROUP BY d.platform, d.channel"
                + " ORDER BY COUNT(*) DESC, d.platform, d.channel";
        try (Connection c = database.connection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setMaxRows(CHANNEL_CHOICES);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    places.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(rs.getString(2));
                }
            }
        } catch (SQLException e) {
            throw new StoreException("cannot read platforms and channels: " + e.getMessage(), e);
        }
        return places;
    }

    private interface Row {
        void read(ResultSet rs) throws SQLException;
    }

    private void query(String sql, StatsScope scope, List<Object> more, Row row) {
        try (Connection c = database.connection(); PreparedStatement s = c.prepareStatement(sql)) {
            int next = scope.bind(s, 1);
            for (Object value : more) {
                s.setObject(next++, value);
            }
            read(s, row);
        } catch (SQLException e) {
            throw new StoreException("cannot read the page's figures: " + e.getMessage(), e);
        }
    }

    private void byIds(String sql, List<String> ids, Row row) {
        try (Connection c = database.connection(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < ids.size(); i++) {
                s.setString(i + 1, ids.get(i));
            }
            read(s, row);
        } catch (SQLException e) {
            throw new StoreException("cannot read flags and corrections: " + e.getMessage(), e);
        }
    }

    private static void read(PreparedStatement s, Row row) throws SQLException {
        try (ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                row.read(rs);
            }
        }
    }
}

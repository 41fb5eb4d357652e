package dev.dispatcher.feedback;

import dev.dispatcher.routing.Specialist;
import dev.dispatcher.routing.SpecialistCatalog;
import dev.dispatcher.store.Database;
import dev.dispatcher.store.StoreException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Routing statistics computed from the stored records: tasks routed, flags, corrections and accuracy (routed minus
 * corrected, over routed), overall and per specialist, for the last 7 and 30 days and all time, and the most frequent
 * confusions. A decision counts as corrected when its corrections' majority names another specialist. By default only
 * chat traffic counts; the command line's decisions are left out unless {@link Traffic#ALL} is asked for. Thread-safe.
 */
public final class RoutingStats {

    /** How many of the most frequent confusions a window names. */
    static final int TOP_CONFUSIONS = 5;

    private final Database database;
    private final Supplier<SpecialistCatalog> catalog;
    private final Clock clock;

    public RoutingStats(Database database, SpecialistCatalog catalog, Clock clock) {
        this(database, () -> catalog, clock);
    }

    /** Statistics listing the specialists of the current knowledge-base version (a reload swaps them). */
    public RoutingStats(Database database, Supplier<SpecialistCatalog> catalog, Clock clock) {
        this.database = database;
        this.catalog = catalog;
        this.clock = clock;
    }

    /** Which decisions the statistics count. */
    public enum Traffic {
        /** What people asked in Slack, Discord or the shell: the team's statistics. */
        CHAT,
        /** Everything, the command line's {@code route} included. */
        ALL
    }

    /** The three standard windows over chat traffic: 7 days, 30 days, all time. */
    public List<Window> standardWindows() {
        return standardWindows(Traffic.CHAT);
    }

    /** The three standard windows: 7 days, 30 days, all time. */
    public List<Window> standardWindows(Traffic traffic) {
        return List.of(window("last 7 days", Duration.ofDays(7), traffic), window("last 30 days", Duration.ofDays(30), traffic),
                window("all time", null, traffic));
    }

    /** Statistics over chat decisions routed within a window; see {@link #window(String, Duration, Traffic)}. */
    public Window window(String name, Duration within) {
        return window(name, within, Traffic.CHAT);
    }

    /**
     * Statistics over decisions routed within a window, every figure computed by the database ({@link StatsQueries}).
     *
     * @param name    label for the window
     * @param within  how far back, or {@code null} for all time
     * @param traffic chat only, or all decisions
     */
    public Window window(String name, Duration within, Traffic traffic) {
        long since = within == null ? Long.MIN_VALUE : clock.millis() - within.toMillis();
        return window(name, StatsScope.since(since, traffic), TOP_CONFUSIONS);
    }

    /**
     * Statistics over the decisions of a scope, every figure computed by the database ({@link StatsQueries}).
     *
     * @param name       label for the window
     * @param scope      which decisions count
     * @param confusions how many of the most frequent confusions to keep
     */
    public Window window(String name, StatsScope scope, int confusions) {
        StatsQueries sql = new StatsQueries(scope, database.dialect());
        Map<String, Integer> routed = new LinkedHashMap<>();
        Map<String, Integer> flagged = new HashMap<>();
        Map<String, Integer> corrected = new HashMap<>();
        List<Confusion> mistakes = new ArrayList<>();
        int[] flags = {0};
        int[] corrections = {0};
        try (Connection c = database.connection()) {
            query(c, sql.routed(), scope, rs -> routed.put(rs.getString(1), rs.getInt(2)));
            query(c, sql.flags(), scope, rs -> {
                flags[0] += rs.getInt(2);
                flagged.put(rs.getString(1), rs.getInt(3));
            });
            query(c, sql.corrections(), scope, rs -> corrections[0] = rs.getInt(1));
            query(c, sql.confusions(), scope, rs -> {
                corrected.merge(rs.getString(1), rs.getInt(3), Integer::sum);
                mistakes.add(new Confusion(rs.getString(1), rs.getString(2), rs.getInt(3)));
            });
        } catch (SQLException e) {
            throw new StoreException("cannot compute statistics: " + e.getMessage(), e);
        }
        SpecialistCatalog specialists = catalog.get();
        List<SpecialistLine> lines = new ArrayList<>();
        for (Specialist s : specialists.specialists()) {
            lines.add(new SpecialistLine(s.id(), routed.getOrDefault(s.id(), 0), flagged.getOrDefault(s.id(), 0), corrected.getOrDefault(s.id(), 0)));
        }
        routed.keySet().stream().filter(id -> specialists.find(id).isEmpty()).forEach(id ->
                lines.add(new SpecialistLine(id, routed.get(id), flagged.getOrDefault(id, 0), corrected.getOrDefault(id, 0))));
        return new Window(name, lines, flags[0], corrections[0], mistakes.stream().limit(confusions).toList());
    }

    private interface Row {
        void read(ResultSet rs) throws SQLException;
    }

    private static void query(Connection c, String sql, StatsScope scope, Row row) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            scope.bind(s, 1);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    row.read(rs);
                }
            }
        }
    }

    /** One specialist's figures in a window. */
    public record SpecialistLine(String specialist, int routed, int flagged, int corrected) {
        public Double accuracy() {
            return routed == 0 ? null : (routed - corrected) / (double) routed;
        }
    }

    /** A frequent mistake: routed to one specialist, corrected to another. */
    public record Confusion(String routedTo, String correctedTo, int count) {}

    /**
     * Figures for one window.
     *
     * @param name        e.g. {@code last 7 days}
     * @param specialists per specialist, in priority order
     * @param flags       misroute flags (one per user per decision)
     * @param corrections corrections (one per user per decision)
     * @param confusions  the most frequent confusions, most first
     */
    public record Window(String name, List<SpecialistLine> specialists, int flags, int corrections, List<Confusion> confusions) {

        public int routed() {
            return specialists.stream().mapToInt(SpecialistLine::routed).sum();
        }

        public int flagged() {
            return specialists.stream().mapToInt(SpecialistLine::flagged).sum();
        }

        public int corrected() {
            return specialists.stream().mapToInt(SpecialistLine::corrected).sum();
        }

        public Double accuracy() {
            return routed() == 0 ? null : (routed() - corrected()) / (double) routed();
        }
    }
}

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

/**
 * Routing statistics computed from the stored records: tasks routed, flags, corrections and accuracy (routed minus
 * corrected, over routed), overall and per specialist, for the last 7 and 30 days and all time, and the most frequent
 * confusions. A decision counts as corrected when its corrections' majority names another specialist. Thread-safe.
 */
public final class RoutingStats {

    private final Database database;
    private final SpecialistCatalog catalog;
    private final Clock clock;

    public RoutingStats(Database database, SpecialistCatalog catalog, Clock clock) {
        this.database = database;
        this.catalog = catalog;
        this.clock = clock;
    }

    /** The three standard windows: 7 days, 30 days, all time. */
    public List<Window> standardWindows() {
        return List.of(window("last 7 days", Duration.ofDays(7)), window("last 30 days", Duration.ofDays(30)), window("all time", null));
    }

    /**
     * Statistics over decisions routed within a window.
     *
     * @param name   label for the window
     * @param within how far back, or {@code null} for all time
     */
    public Window window(String name, Duration within) {
        long since = within == null ? Long.MIN_VALUE : clock.millis() - within.toMillis();
        Map<String, Integer> routed = new LinkedHashMap<>();
        Map<String, Integer> flagged = new HashMap<>();
        int flags = 0;
        Map<String, Map<String, Integer>> correctionVotes = new HashMap<>();
        Map<String, String> routedTo = new HashMap<>();
        int corrections = 0;
        try (Connection c = database.connection()) {
            try (PreparedStatement s = c.prepareStatement(
                    "SELECT specialist, COUNT(*) FROM decisions WHERE created_at >= ? GROUP BY specialist")) {
                s.setLong(1, since);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        routed.put(rs.getString(1), rs.getInt(2));
                    }
                }
            }
            try (PreparedStatement s = c.prepareStatement("SELECT d.specialist, COUNT(*), COUNT(DISTINCT d.id) FROM flags f"
                    + " JOIN decisions d ON d.id = f.decision_id WHERE d.created_at >= ? GROUP BY d.specialist")) {
                s.setLong(1, since);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        flags += rs.getInt(2);
                        flagged.put(rs.getString(1), rs.getInt(3));
                    }
                }
            }
            try (PreparedStatement s = c.prepareStatement("SELECT d.id, d.specialist, c.specialist FROM corrections c"
                    + " JOIN decisions d ON d.id = c.decision_id WHERE d.created_at >= ?")) {
                s.setLong(1, since);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        corrections++;
                        routedTo.put(rs.getString(1), rs.getString(2));
                        correctionVotes.computeIfAbsent(rs.getString(1), k -> new HashMap<>()).merge(rs.getString(3), 1, Integer::sum);
                    }
                }
            }
        } catch (SQLException e) {
            throw new StoreException("cannot compute statistics: " + e.getMessage(), e);
        }
        Map<String, Integer> corrected = new HashMap<>();
        Map<String, Integer> confusions = new HashMap<>();
        correctionVotes.forEach((decision, votes) -> {
            String target = Majority.of(votes).getKey();
            String from = routedTo.get(decision);
            if (!target.equals(from)) {
                corrected.merge(from, 1, Integer::sum);
                confusions.merge(from + " → " + target, 1, Integer::sum);
            }
        });
        List<SpecialistLine> lines = new ArrayList<>();
        for (Specialist s : catalog.specialists()) {
            lines.add(new SpecialistLine(s.id(), routed.getOrDefault(s.id(), 0), flagged.getOrDefault(s.id(), 0), corrected.getOrDefault(s.id(), 0)));
        }
        routed.keySet().stream().filter(id -> catalog.find(id).isEmpty()).forEach(id ->
                lines.add(new SpecialistLine(id, routed.get(id), flagged.getOrDefault(id, 0), corrected.getOrDefault(id, 0))));
        List<Confusion> top = confusions.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(5)
                .map(e -> new Confusion(e.getKey().split(" → ")[0], e.getKey().split(" → ")[1], e.getValue()))
                .toList();
        return new Window(name, lines, flags, corrections, top);
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

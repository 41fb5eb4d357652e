package dev.dispatcher.feedback;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dispatcher.store.Database;
import dev.dispatcher.store.DecisionSource;
import dev.dispatcher.store.StoreException;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Writes the team's own evaluation set: corrected decisions labelled with the majority correction, and unflagged chat
 * decisions labelled with their route (people saw the answer and nobody objected). Left out, since their label is
 * unknown: flagged but uncorrected decisions, fallbacks ("hello there" is no example of anything), and command-line
 * decisions nobody corrected (nobody saw them in a chat to object).
 */
public final class EvalExport {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Database database;

    public EvalExport(Database database) {
        this.database = database;
    }

    /** Writes the cases to a file in an existing folder, replacing it whole; returns how many. */
    public int write(Path file) throws IOException {
        Map<String, String> texts = new LinkedHashMap<>();
        Map<String, String> labels = new HashMap<>();
        Map<String, Map<String, Integer>> votes = new HashMap<>();
        try (Connection c = database.connection()) {
            try (PreparedStatement s = c.prepareStatement("SELECT d.id, d.task_text, d.specialist,"
                    + " (SELECT COUNT(*) FROM flags f WHERE f.decision_id = d.id) AS flags, d.fallback, d.source"
                    + " FROM decisions d ORDER BY d.created_at, d.id");
                 ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    if (rs.getString(2).isBlank()) {
                        continue;
                    }
                    texts.put(rs.getString(1), rs.getString(2));
                    boolean confirmedByChat = rs.getInt(4) == 0 && rs.getString(5) == null
                            && DecisionSource.fromColumn(rs.getString(6)) == DecisionSource.CHAT;
                    if (confirmedByChat) {
                        labels.put(rs.getString(1), rs.getString(3));
                    }
                }
            }
            try (PreparedStatement s = c.prepareStatement("SELECT decision_id, specialist FROM corrections"); ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    votes.computeIfAbsent(rs.getString(1), k -> new HashMap<>()).merge(rs.getString(2), 1, Integer::sum);
                }
            }
        } catch (SQLException e) {
            throw new StoreException("cannot read decisions for export: " + e.getMessage(), e);
        }
        votes.forEach((id, v) -> labels.put(id, Majority.of(v).getKey()));
        // Written beside the target and moved over it at the end: a failed export leaves no half file, and with
        // --force the old file stays until the new one is complete.
        Path partial = Files.createTempFile(file.toAbsolutePath().getParent(), "." + file.getFileName(), ".partial");
        int written = 0;
        try {
            try (BufferedWriter w = Files.newBufferedWriter(partial)) {
                for (Map.Entry<String, String> e : texts.entrySet()) {
                    String label = labels.get(e.getKey());
                    if (label == null) {
                        continue;
                    }
                    ObjectNode line = JSON.createObjectNode().put("text", e.getValue()).put("label", label);
                    line.putArray("also");
                    w.write(JSON.writeValueAsString(line));
                    w.newLine();
                    written++;
                }
            }
            Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(partial);
        }
        return written;
    }
}

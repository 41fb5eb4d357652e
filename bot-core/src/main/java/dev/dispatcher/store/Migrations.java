package dev.dispatcher.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Versioned schema changes, applied in order at start-up on SQLite and PostgreSQL alike.
 *
 * <p>Each script runs once, inside a transaction that also records its version; on PostgreSQL an advisory lock keeps
 * replicas that start together from applying the same script twice. A script's version is the number in its name
 * ({@code V7__web_page.sql} is 7), and every script whose version is not recorded yet runs, in the list's order: two
 * branches that each add a script (V6 and V7) can land in either order, and a database that ran one first still gets
 * the other.
 */
final class Migrations {

    /** Scripts under {@code db/migration/}, oldest first; append, never edit. */
    static final List<String> SCRIPTS = List.of(
            "V1__decisions_and_feedback.sql",
            "V2__reply_messages.sql",
            "V3__decision_source_and_length.sql",
            "V4__trusted_corrections.sql",
            "V5__jobs.sql",
            "V6__answers.sql",
            "V7__web_page.sql");

    private static final long LOCK_KEY = 0x64697370L; // "disp"

    private Migrations() {}

    static void apply(Database database) throws SQLException {
        try (Connection c = database.connection()) {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                if (database.dialect() == Database.Dialect.POSTGRESQL) {
                    s.execute("SELECT pg_advisory_xact_lock(" + LOCK_KEY + ")");
                }
                s.execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, applied_at BIGINT NOT NULL)");
                Set<Integer> applied = new HashSet<>();
                try (ResultSet rs = s.executeQuery("SELECT version FROM schema_version")) {
                    while (rs.next()) {
                        applied.add(rs.getInt(1));
                    }
                }
                for (String script : SCRIPTS) {
                    int version = version(script);
                    if (applied.contains(version)) {
                        continue;
                    }
                    for (String statement : statements(script)) {
                        s.execute(statement);
                    }
                    s.execute("INSERT INTO schema_version (version, applied_at) VALUES (" + version + ", "
                            + System.currentTimeMillis() + ")");
                }
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        }
    }

    /** The schema versions this build knows, in ascending order. */
    static List<Integer> versions() {
        return SCRIPTS.stream().map(Migrations::version).sorted().toList();
    }

    /** The number in a script's name: {@code V7__web_page.sql} is version 7. */
    static int version(String script) {
        return Integer.parseInt(script.substring(1, script.indexOf("__")));
    }

    private static List<String> statements(String script) {
        try (InputStream in = Migrations.class.getResourceAsStream("/db/migration/" + script)) {
            if (in == null) {
                throw new IllegalStateException("migration script missing from the build: " + script);
            }
            String sql = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            StringBuilder withoutComments = new StringBuilder();
            sql.lines().filter(line -> !line.strip().startsWith("--")).forEach(line -> withoutComments.append(line).append('\n'));
            return java.util.Arrays.stream(withoutComments.toString().split(";"))
                    .map(String::strip).filter(part -> !part.isEmpty()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

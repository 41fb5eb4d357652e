package dev.dispatcher.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A SQLite file is opened for durability and for several writers: what a kill test cannot show (a power cut) rests on
 * these settings, so they are checked here.
 */
@DisplayName("The SQLite database file")
class SqliteDurabilityTest {

    @TempDir
    Path folder;

    @Test
    @DisplayName("is opened with a write-ahead log, synchronous=NORMAL, foreign keys on and a busy timeout")
    void openedForSeveralWriters() throws SQLException {
        // GIVEN a new database file
        try (Database database = Database.open("jdbc:sqlite:" + folder.resolve("dispatcher.db"), null, null);
             Connection c = database.connection(); Statement s = c.createStatement()) {

            // WHEN / THEN each setting is in force on a pooled connection: a commit survives the process being killed
            assertThat(pragma(s, "journal_mode")).isEqualTo("wal");
            assertThat(pragma(s, "synchronous")).as("1 is NORMAL").isEqualTo("1");
            assertThat(pragma(s, "foreign_keys")).isEqualTo("1");
            assertThat(Integer.parseInt(pragma(s, "busy_timeout"))).isGreaterThanOrEqualTo(5000);
        }
    }

    @Test
    @DisplayName("syncs every commit of its durable connections to the disk, for jobs acknowledged to the platform")
    void durableConnectionsSyncEveryCommit() throws SQLException {
        // GIVEN a new database file
        try (Database database = Database.open("jdbc:sqlite:" + folder.resolve("dispatcher.db"), null, null);
             Connection c = database.durableConnection(); Statement s = c.createStatement()) {

            // WHEN / THEN a durable connection syncs each commit (a power cut keeps it) and shares the other settings
            assertThat(pragma(s, "synchronous")).as("2 is FULL").isEqualTo("2");
            assertThat(pragma(s, "journal_mode")).isEqualTo("wal");
            assertThat(pragma(s, "foreign_keys")).isEqualTo("1");
            assertThat(Integer.parseInt(pragma(s, "busy_timeout"))).isGreaterThanOrEqualTo(5000);
        }
    }

    private static String pragma(Statement s, String name) throws SQLException {
        try (ResultSet rs = s.executeQuery("PRAGMA " + name)) {
            rs.next();
            return rs.getString(1);
        }
    }
}

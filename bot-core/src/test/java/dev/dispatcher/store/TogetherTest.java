package dev.dispatcher.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Writes made inside {@link Database#together} by separate store calls commit once, all of them or none. */
@DisplayName("Writes made together")
class TogetherTest {

    @TempDir
    Path folder;

    private Database database;

    @BeforeEach
    void open() throws SQLException {
        database = Database.open("jdbc:sqlite:" + folder.resolve("dispatcher.db"), null, null);
        try (Connection c = database.connection(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE notes (text TEXT NOT NULL UNIQUE)");
        }
    }

    @Test
    @DisplayName("are invisible to other connections until the work ends, then all there")
    void commitOnceAtTheEnd() {
        database.together(() -> {
            write("root posted");
            write("attached");
            assertThat(countFromAnotherConnection()).as("nothing committed yet").isZero();
        });

        assertThat(count()).isEqualTo(2);
        database.close();
    }

    @Test
    @DisplayName("are all dropped when the work throws")
    void droppedWhenTheWorkThrows() {
        assertThatThrownBy(() -> database.together(() -> {
            write("root posted");
            throw new IllegalStateException("the platform refused");
        })).isInstanceOf(IllegalStateException.class);

        assertThat(count()).isZero();
        database.close();
    }

    @Test
    @DisplayName("are all dropped when one call rolled back its part")
    void droppedWhenOneCallRolledBack() {
        database.together(() -> {
            write("root posted");
            try (Connection c = database.connection()) {
                c.setAutoCommit(false);
                c.rollback();
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });

        assertThat(count()).isZero();
        database.close();
    }

    @Test
    @DisplayName("join an outer call when nested")
    void nestedCallsJoinTheOuterOne() {
        database.together(() -> {
            write("outer");
            database.together(() -> write("inner"));
            assertThat(countFromAnotherConnection()).isZero();
        });

        assertThat(count()).isEqualTo(2);
        database.close();
    }

    /** A store call as the stores write them: its own connection, committed and closed. */
    private void write(String text) {
        try (Connection c = database.connection()) {
            c.setAutoCommit(false);
            try (PreparedStatement s = c.prepareStatement("INSERT INTO notes (text) VALUES (?)")) {
                s.setString(1, text);
                s.executeUpdate();
            }
            c.commit();
            c.setAutoCommit(true);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private int count() {
        try (Connection c = database.connection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM notes")) {
            rs.next();
            return rs.getInt(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private int countFromAnotherConnection() {
        try (Connection c = database.durableConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM notes")) {
            rs.next();
            return rs.getInt(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}

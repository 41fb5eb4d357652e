package dev.dispatcher.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("A database file that is not a database")
class UnreadableDatabaseTest {

    @TempDir
    Path folder;

    @Test
    @DisplayName("stops start-up at once with a message naming the file, and is left byte for byte as it was")
    void garbageFileIsRefusedAndKept() throws Exception {
        // GIVEN a .db file full of garbage, such as a half-copied backup
        Path file = folder.resolve("dispatcher.db");
        byte[] garbage = new byte[8192];
        new Random(7).nextBytes(garbage);
        Files.write(file, garbage);

        // WHEN the bot opens it
        long started = System.nanoTime();
        // THEN it refuses with a message naming the file and saying it is not a database
        assertThatThrownBy(() -> Database.open("jdbc:sqlite:" + file, null, null))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("is not a SQLite database");
        // AND it says so promptly rather than after waiting out a connection timeout
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
        // AND the file is exactly as it was
        assertThat(Files.readAllBytes(file)).isEqualTo(garbage);
    }

    @Test
    @DisplayName("a text file is refused just the same and kept as it was")
    void textFileIsRefusedAndKept() throws Exception {
        // GIVEN someone pointed DISPATCHER_DB_URL at a notes file
        Path file = folder.resolve("notes.db");
        String notes = "remember to rotate the Slack token\n";
        Files.writeString(file, notes);

        // WHEN / THEN opening it fails with a message naming the file, and the notes are untouched
        assertThatThrownBy(() -> Database.open("jdbc:sqlite:" + file, null, null))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining(file.toString());
        assertThat(Files.readString(file)).isEqualTo(notes);
    }
}

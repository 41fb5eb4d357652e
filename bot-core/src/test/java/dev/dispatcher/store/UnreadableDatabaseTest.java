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
    @DisplayName("a database damaged inside stops start-up at once, naming DISPATCHER_DB_URL and the file, and leaves no side files")
    void damagedDatabaseIsRefusedAtOnce() throws Exception {
        // GIVEN a real database whose pages after the SQLite header were overwritten
        Path file = folder.resolve("dispatcher.db");
        Database.open("jdbc:sqlite:" + file, null, null).close();
        byte[] bytes = Files.readAllBytes(file);
        for (int i = 100; i < bytes.length; i++) {
            bytes[i] = (byte) (i * 7);
        }
        Files.write(file, bytes);

        // WHEN the bot opens it
        long started = System.nanoTime();
        assertThatThrownBy(() -> Database.open("jdbc:sqlite:" + file, null, null))
                .isInstanceOf(StoreException.class)
                // THEN one sentence names the variable and the file and says what is wrong
                .hasMessageStartingWith("DISPATCHER_DB_URL: the SQLite database " + file + " is damaged")
                .hasMessageContaining("nothing was written")
                .message().doesNotContain("\n");
        // AND it says so at once, not after the pool's 10-second connection timeout (it took 12 to 16 s)
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
        // AND the file is as it was, with no -wal or -shm beside it
        assertThat(Files.readAllBytes(file)).isEqualTo(bytes);
        assertThat(folder.resolve("dispatcher.db-wal")).doesNotExist();
        assertThat(folder.resolve("dispatcher.db-shm")).doesNotExist();
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

package dev.dispatcher.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.Properties;

/**
 * Checks a SQLite database file before the pool opens it, so an unusable file stops start-up within a second with
 * one sentence naming {@code DISPATCHER_DB_URL} and the file: not a database, damaged, read-only (or in a read-only
 * folder). Without it the pool retries for its whole connection timeout and a read-only file is only found out when
 * the first decision cannot be written. Nothing is written to the file; side files the check itself created
 * ({@code -wal}, {@code -shm}) are removed again when it fails.
 */
final class SqliteFileCheck {

    private static final byte[] SQLITE_HEADER = "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);
    private static final String VARIABLE = "DISPATCHER_DB_URL";

    private SqliteFileCheck() {}

    /**
     * @param location what follows {@code jdbc:sqlite:}
     * @throws StoreException naming the variable and the file, saying what is wrong and what to do
     */
    static void check(String location) {
        String path = location.contains("?") ? location.substring(0, location.indexOf('?')) : location;
        if (path.isBlank() || path.equals(":memory:") || path.startsWith("file:")) {
            return;
        }
        Path file = Path.of(path).toAbsolutePath().normalize();
        createFolder(file);
        if (Files.isDirectory(file)) {
            throw new StoreException(VARIABLE + " names " + file + ", which is a folder; name a database file in it", null);
        }
        if (Files.exists(file) && !Files.isReadable(file)) {
            throw new StoreException(VARIABLE + ": the database file " + file + " is not readable by this user", null);
        }
        // The driver only fails when the pool makes a connection, and the pool keeps retrying that for its whole
        // connection timeout before start-up hears why.
        if (Files.isRegularFile(file) && !hasSqliteHeader(file)) {
            throw new StoreException(VARIABLE + ": " + file + " is not a SQLite database (it does not start with the"
                    + " SQLite header); nothing was written: fix or move the file, or set " + VARIABLE, null);
        }
        probe(file, "jdbc:sqlite:" + location);
    }

    private static void createFolder(Path file) {
        try {
            if (file.getParent() != null) {
                Files.createDirectories(file.getParent());
            }
        } catch (IOException e) {
            throw new StoreException(VARIABLE + ": cannot create the folder for the database " + file + " ("
                    + e.getClass().getSimpleName() + ": " + e.getMessage() + ")", e);
        }
    }

    /** Reads the schema and takes the write lock with a write that is rolled back. */
    private static void probe(Path file, String jdbcUrl) {
        Path wal = Path.of(file + "-wal");
        Path shm = Path.of(file + "-shm");
        boolean walExisted = Files.exists(wal);
        boolean shmExisted = Files.exists(shm);
        Properties properties = new Properties();
        properties.setProperty("busy_timeout", "10000");
        try (Connection c = DriverManager.getConnection(jdbcUrl, properties); Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM sqlite_master")) {
                rs.next();
            }
            s.execute("BEGIN IMMEDIATE");
            try {
                s.execute("CREATE TABLE dispatcher_write_check (x INTEGER)");
            } finally {
                s.execute("ROLLBACK");
            }
        } catch (SQLException e) {
            removeSideFiles(wal, walExisted, shm, shmExisted);
            throw new StoreException(VARIABLE + ": " + problem(file, e), e);
        }
    }

    private static String problem(Path file, SQLException e) {
        String message = e.getMessage() == null ? "" : e.getMessage();
        if (message.contains("SQLITE_READONLY") || message.contains("SQLITE_CANTOPEN")) {
            return "the SQLite database " + file + " (or its folder) is read-only for this user, and the bot must record"
                    + " decisions there; make both writable, or point " + VARIABLE + " at another file";
        }
        if (message.contains("SQLITE_CORRUPT") || message.contains("SQLITE_NOTADB")) {
            return "the SQLite database " + file + " is damaged (" + sqliteReason(message) + "); nothing was written:"
                    + " restore it from a backup, or move it away to start a new one";
        }
        return "cannot use the SQLite database " + file + ": " + sqliteReason(message);
    }

    /** The driver's message without its code prefix: {@code database disk image is malformed}. */
    private static String sqliteReason(String message) {
        int open = message.lastIndexOf('(');
        return open >= 0 && message.endsWith(")") ? message.substring(open + 1, message.length() - 1) : message;
    }

    /**
     * Opening a database in WAL mode creates {@code -wal} and {@code -shm} beside it. When the check fails they are of
     * no use; remove those it created, and never a {@code -wal} holding anything.
     */
    private static void removeSideFiles(Path wal, boolean walExisted, Path shm, boolean shmExisted) {
        try {
            if (!walExisted && Files.exists(wal) && Files.size(wal) == 0) {
                Files.delete(wal);
            }
            if (!shmExisted && !Files.exists(wal)) {
                Files.deleteIfExists(shm);
            }
        } catch (IOException e) {
            // the check's own failure is what the operator needs to read; a leftover side file is harmless
        }
    }

    private static boolean hasSqliteHeader(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] start = in.readNBytes(SQLITE_HEADER.length);
            return start.length == 0 || Arrays.equals(start, SQLITE_HEADER);
        } catch (IOException e) {
            throw new StoreException(VARIABLE + ": cannot read the database file " + file + ": " + e.getMessage(), e);
        }
    }
}

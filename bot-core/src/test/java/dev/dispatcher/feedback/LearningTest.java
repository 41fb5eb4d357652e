package dev.dispatcher.feedback;

import static dev.dispatcher.testkit.StoreKit.reply;
import static dev.dispatcher.testkit.StoreKit.task;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dispatcher.app.BotCore;
import dev.dispatcher.app.CoreSettings;
import dev.dispatcher.reply.Reply;
import dev.dispatcher.testkit.Repository;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The router learns from corrections, through a whole bot core on a SQLite file, and unlearns when they go. */
@DisplayName("Learning from corrections")
class LearningTest {

    /** Routed to the database architect on its "table"; a team that files sessions under auth corrects it. */
    private static final String TASK = "Add new table for user sessions";
    private static final String ROUTED = "database-architect";
    private static final String CORRECTED = "auth-system-architect";
    /** Shares most words with {@link #TASK}, but names index, foreign key and migration: the database's own evidence. */
    private static final String SIMILAR_DATABASE_TASK = "Add new table for user sessions with an index and a foreign key migration";

    @TempDir
    Path folder;

    private BotCore core;

    @BeforeEach
    void startCore() {
        core = start(Map.of());
    }

    @AfterEach
    void stopCore() {
        core.close();
    }

    private BotCore start(Map<String, String> extra) {
        Map<String, String> env = new HashMap<>(extra);
        env.put("DISPATCHER_HOME", Repository.root().toString());
        env.put("DISPATCHER_DB_URL", "jdbc:sqlite:" + folder.resolve("dispatcher.db"));
        return BotCore.start(CoreSettings.fromEnvironment(env));
    }

    /** Routes a task and shows the reply in {@code message}, as an adapter does. */
    private static Reply askAndShow(BotCore core, String text, String message) {
        Reply reply = core.dispatcher().dispatch(task(text, "U-asker"));
        core.dispatcher().attach(reply.decisionId(), reply(message));
        return reply;
    }

    private static Reply ask(BotCore core, String text) {
        return core.dispatcher().dispatch(task(text, "U-asker"));
    }

    /** The misroute loop: a user flags the reply in {@code message} and picks {@code specialist}. */
    private static void flagAndCorrect(BotCore core, Reply shown, String message, String specialist, String user) {
        assertThat(core.feedback().flag(reply(message), user)).isPresent();
        assertThat(core.feedback().correct(shown.decisionId(), specialist, user).recorded()).isTrue();
    }

    @Test
    @DisplayName("after one correction, the same task goes to the corrected specialist, and the reply says why")
    void correctedTaskGoesToCorrectedSpecialist() {
        // GIVEN the task went to the database architect and a user corrected it to the auth architect
        Reply first = askAndShow(core, TASK, "200.1");
        assertThat(first.decision().specialist()).isEqualTo(ROUTED);
        assertThat(first.decision().decidedByCorrections()).isFalse();
        flagAndCorrect(core, first, "200.1", CORRECTED, "U1");

        // WHEN the same task is asked again
        Reply again = ask(core, TASK);

        // THEN it goes to the auth architect, decided by the correction, and the reply notes say so
        assertThat(again.decision().specialist()).isEqualTo(CORRECTED);
        assertThat(again.decision().decidedByCorrections()).isTrue();
        assertThat(again.decision().correctionsUsed()).isEqualTo(1);
        assertThat(again.notes()).anySatisfy(note -> assertThat(note).startsWith("Earlier corrections decided this route"));
    }

    @Test
    @DisplayName("one correction does not flip a merely similar task with strong evidence of its own")
    void similarTaskKeepsItsOwnRoute() {
        // GIVEN the task was corrected to the auth architect
        Reply first = askAndShow(core, TASK, "200.2");
        flagAndCorrect(core, first, "200.2", CORRECTED, "U1");

        // WHEN a similar task that names index, foreign key and migration is asked
        Reply similar = ask(core, SIMILAR_DATABASE_TASK);

        // THEN the correction only leans on it: it still goes to the database architect
        assertThat(similar.decision().specialist()).isEqualTo(ROUTED);
        assertThat(similar.decision().decidedByCorrections()).isFalse();
        assertThat(similar.decision().evidence()).anySatisfy(e -> {
            assertThat(e.specialist()).isEqualTo(CORRECTED);
            assertThat(e.exampleScore()).isPositive();
        });
    }

    @Test
    @DisplayName("when the user takes the misroute reaction back, the original route returns")
    void withdrawnFlagRestoresRoute() {
        // GIVEN a correction that changed the route
        Reply first = askAndShow(core, TASK, "200.3");
        flagAndCorrect(core, first, "200.3", CORRECTED, "U1");
        assertThat(ask(core, TASK).decision().specialist()).isEqualTo(CORRECTED);

        // WHEN the user removes the reaction
        core.feedback().unflag(reply("200.3"), "U1");

        // THEN the task is routed as before any correction
        Reply after = ask(core, TASK);
        assertThat(after.decision().specialist()).isEqualTo(ROUTED);
        assertThat(after.decision().decidedByCorrections()).isFalse();
    }

    @Test
    @DisplayName("after the decision is forgotten, the original route returns")
    void forgottenDecisionRestoresRoute() {
        // GIVEN two users corrected the task to the auth architect
        Reply first = askAndShow(core, TASK, "200.4");
        flagAndCorrect(core, first, "200.4", CORRECTED, "U1");
        flagAndCorrect(core, first, "200.4", CORRECTED, "U2");
        assertThat(ask(core, TASK).decision().specialist()).isEqualTo(CORRECTED);

        // WHEN an operator forgets the decision
        assertThat(core.feedback().forget(first.decisionId())).isTrue();

        // THEN the task is routed as before any correction
        assertThat(ask(core, TASK).decision().specialist()).isEqualTo(ROUTED);
    }

    @Test
    @DisplayName("what was learned is still known after a restart")
    void learningSurvivesRestart() {
        // GIVEN a correction, and the bot restarted
        Reply first = askAndShow(core, TASK, "200.5");
        flagAndCorrect(core, first, "200.5", CORRECTED, "U1");
        core.close();
        core = start(Map.of());

        // WHEN the task is asked again
        Reply again = ask(core, TASK);

        // THEN the restarted bot routes it to the corrected specialist
        assertThat(again.decision().specialist()).isEqualTo(CORRECTED);
        assertThat(again.decision().decidedByCorrections()).isTrue();
    }

    @Test
    @DisplayName("a correction made on one replica is learned by another replica sharing the database")
    void otherReplicaLearns() {
        // GIVEN a second replica on the same database that refreshes what it learned every second
        try (BotCore other = start(Map.of("DISPATCHER_LEARNING_REFRESH_SECONDS", "1"))) {
            assertThat(ask(other, TASK).decision().specialist()).isEqualTo(ROUTED);

            // WHEN a user corrects the task through the first replica
            Reply first = askAndShow(core, TASK, "200.6");
            flagAndCorrect(core, first, "200.6", CORRECTED, "U1");

            // THEN the second replica soon routes it to the corrected specialist too
            awaitTrue(Duration.ofSeconds(15), () -> ask(other, TASK).decision().specialist().equals(CORRECTED));
        }
    }

    private static void awaitTrue(Duration deadline, BooleanSupplier condition) {
        long end = System.nanoTime() + deadline.toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("condition still false after %s", deadline).isLessThan(end);
            try {
                Thread.sleep(50); // the poll interval of an await with a deadline, not a fixed wait
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting", e);
            }
        }
    }
}

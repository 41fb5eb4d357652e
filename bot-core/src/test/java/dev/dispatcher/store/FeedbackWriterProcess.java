package dev.dispatcher.store;

import dev.dispatcher.dispatch.ConversationRef;
import dev.dispatcher.dispatch.Task;
import dev.dispatcher.feedback.Feedback;
import dev.dispatcher.ops.DispatcherMetrics;
import dev.dispatcher.routing.RoutingDecision;
import dev.dispatcher.routing.SpecialistCatalog;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * A stand-in bot process for {@link CrashSafetyContract}: records decisions, flags and corrects each, tells the test
 * after each correction was confirmed ({@code CONFIRMED <decision id>} on stdout), then hangs until it is killed.
 *
 * <p>Usage: {@code FeedbackWriterProcess JDBC_URL ROUTING_YAML COUNT}
 */
public final class FeedbackWriterProcess {

    /** Who flags and corrects, and to whom; the test checks for exactly these. */
    static final String USER = "U-crash";
    static final String ROUTED_TO = "database-architect";
    static final String CORRECTED_TO = "auth-system-architect";

    private FeedbackWriterProcess() {}

    public static void main(String[] args) throws InterruptedException {
        String jdbcUrl = args[0];
        SpecialistCatalog catalog = SpecialistCatalog.load(Path.of(args[1]));
        int count = Integer.parseInt(args[2]);
        Database database = Database.open(jdbcUrl, null, null);
        DecisionLog decisions = new DecisionLog(database, Clock.systemUTC());
        Feedback feedback = new Feedback(decisions, new FeedbackStore(database, Clock.systemUTC()), catalog, () -> { },
                new DispatcherMetrics());
        for (int i = 1; i <= count; i++) {
            String id = decisions.record(new Task("Add new table for user sessions #" + i, "U-asker",
                    new ConversationRef("shell", "local", null, "0")), decision());
            ConversationRef reply = new ConversationRef("slack", "C0CRASH", null, "400." + i);
            decisions.attach(id, reply);
            feedback.flag(reply, USER).orElseThrow();
            if (!feedback.correct(id, CORRECTED_TO, USER).recorded()) {
                throw new IllegalStateException("correction of " + id + " was rejected");
            }
            // What a user would now see as "thanks, recorded".
            System.out.println("CONFIRMED " + id);
            System.out.flush();
        }
        new CountDownLatch(1).await();
    }

    private static RoutingDecision decision() {
        return new RoutingDecision(ROUTED_TO, 0.6, List.of(), List.of(), null, null, 30, false, 0, List.of());
    }
}

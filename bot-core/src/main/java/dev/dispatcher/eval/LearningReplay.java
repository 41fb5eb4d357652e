package dev.dispatcher.eval;

import dev.dispatcher.app.BotCore;
import dev.dispatcher.app.CoreSettings;
import dev.dispatcher.dispatch.ConversationRef;
import dev.dispatcher.dispatch.Task;
import dev.dispatcher.reply.Reply;
import dev.dispatcher.routing.RoutingDecision;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Replays labelled requests in order as a team lives them, through the real bot core on a throw-away SQLite store:
 * each request is routed and its reply shown; when the route misses, a teammate flags it and picks the labelled
 * specialist before the next request arrives, so the router learns exactly as it does in chat.
 *
 * <p>The store's clock moves an hour per request, so a file reads as weeks of ordinary work rather than one person's
 * burst (which the per-person cap on teaching would, rightly, mostly ignore).
 */
public final class LearningReplay {

    private static final String TEACHER = "replay-teacher";

    private LearningReplay() {}

    /**
     * One replayed request.
     *
     * @param evalCase   the labelled request
     * @param decision   how it was routed when it arrived
     * @param hit        whether that route was acceptable
     * @param corrected  whether it was then corrected (a miss, with learning on)
     */
    public record Step(EvalCase evalCase, RoutingDecision decision, boolean hit, boolean corrected) {}

    /**
     * Replays the cases through a bot core built from {@code settings} with its database replaced by a fresh file.
     *
     * @param learn whether misses are corrected; without it the replay is a plain evaluation in file order
     */
    public static List<Step> run(CoreSettings settings, List<EvalCase> cases, boolean learn) {
        Path folder = temporaryFolder();
        try {
            CoreSettings throwAway = settings.withDatabase("jdbc:sqlite:" + folder.resolve("replay.db"));
            SteppingClock clock = new SteppingClock(Instant.parse("2026-01-05T09:00:00Z"), Duration.ofHours(1));
            try (BotCore core = BotCore.start(throwAway, clock)) {
                return replay(core, clock, cases, learn);
            }
        } finally {
            delete(folder);
        }
    }

    private static List<Step> replay(BotCore core, SteppingClock clock, List<EvalCase> cases, boolean learn) {
        List<Step> steps = new ArrayList<>(cases.size());
        int message = 0;
        for (EvalCase c : cases) {
            clock.advance();
            ConversationRef asked = new ConversationRef("replay", "eval", null, "ask-" + (++message));
            Reply reply = core.dispatcher().dispatch(new Task(c.text(), "replay-asker", asked));
            ConversationRef shown = new ConversationRef("replay", "eval", asked.message(), "reply-" + message);
            core.dispatcher().attach(reply.decisionId(), shown);
            boolean hit = c.accepts(reply.decision().specialist());
            boolean corrected = false;
            if (!hit && learn && reply.acceptsFeedback()) {
                core.feedback().flag(shown, TEACHER);
                corrected = core.feedback().correct(reply.decisionId(), c.label(), TEACHER).recorded();
            }
            steps.add(new Step(c, reply.decision(), hit, corrected));
        }
        return steps;
    }

    /** The cases in a repeatable random order, for {@code --shuffle SEED}. */
    public static List<EvalCase> shuffled(List<EvalCase> cases, long seed) {
        List<EvalCase> copy = new ArrayList<>(cases);
        java.util.Collections.shuffle(copy, new java.util.Random(seed));
        return copy;
    }

    /** A folder for the throw-away store: in memory where the system offers it, since its syncs cost and keep nothing. */
    private static Path temporaryFolder() {
        try {
            Path memory = Path.of("/dev/shm");
            return Files.isDirectory(memory) && Files.isWritable(memory)
                    ? Files.createTempDirectory(memory, "dispatcher-replay-")
                    : Files.createTempDirectory("dispatcher-replay-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a throw-away store for the replay", e);
        }
    }

    private static void delete(Path folder) {
        try (Stream<Path> files = Files.walk(folder)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // A temporary folder left behind is harmless; the replay's result is already computed.
        }
    }
}

package dev.dispatcher.feedback;

import static dev.dispatcher.testkit.StoreKit.reply;
import static dev.dispatcher.testkit.StoreKit.task;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dispatcher.app.BotCore;
import dev.dispatcher.app.CoreSettings;
import dev.dispatcher.eval.EvalCase;
import dev.dispatcher.eval.EvalCases;
import dev.dispatcher.reply.Reply;
import dev.dispatcher.routing.RoutingDecision;
import dev.dispatcher.testkit.Cores;
import dev.dispatcher.testkit.Repository;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Learning depends only on the stored corrections: what a replica learnt in place, one correction at a time, is what a
 * replica starting on the same store learns, and what another replica picks up.
 */
@DisplayName("Learning converges on the stored corrections")
class LearningConvergenceTest {

    @TempDir
    Path folder;

    private BotCore start() {
        Map<String, String> env = Cores.environment(folder);
        env.put("DISPATCHER_KB_RELOAD_SECONDS", "0");
        env.put("DISPATCHER_LEARNING_REFRESH_SECONDS", "3600");
        return BotCore.start(CoreSettings.fromEnvironment(env));
    }

    /** Routes each case and corrects every miss to its label, as a team would. */
    private static int correctMisses(BotCore core, List<EvalCase> cases, String prefix) {
        int corrections = 0;
        for (int i = 0; i < cases.size(); i++) {
            Reply reply = core.dispatcher().dispatch(task(cases.get(i).text(), "U-asker"));
            core.dispatcher().attach(reply.decisionId(), reply(prefix + i));
            if (!cases.get(i).accepts(reply.decision().specialist())) {
                core.feedback().flag(reply(prefix + i), "U-teacher" + (i % 7));
                corrections += core.feedback().correct(reply.decisionId(), cases.get(i).label(), "U-teacher" + (i % 7)).recorded() ? 1 : 0;
            }
        }
        return corrections;
    }

    private static List<RoutingDecision> routes(BotCore core, List<String> tasks) {
        return tasks.stream().map(t -> core.cache().route(t)).toList();
    }

    private static List<String> tasks() throws IOException {
        return Files.lines(Repository.root().resolve("eval/blind2-cases.jsonl")).map(l -> l.replaceAll("^\\{\"text\": \"|\", \"label.*$", "")).toList();
    }

    @Test
    @DisplayName("corrections learnt in place route exactly as a fresh start on the same store does")
    void inPlaceEqualsRelearnt() throws IOException {
        List<String> probe = tasks();
        List<RoutingDecision> learntInPlace;
        int corrections;
        try (BotCore core = start()) {
            List<EvalCase> cases = EvalCases.read(Repository.root().resolve("eval/shifts/titles-failures-to-troubleshooting.jsonl"),
                    core.catalog());
            corrections = correctMisses(core, cases, "500.");
            learntInPlace = routes(core, probe);
        }
        assertThat(corrections).isGreaterThan(20);

        try (BotCore restarted = start()) {
            List<RoutingDecision> relearnt = routes(restarted, probe);
            assertThat(relearnt).extracting(RoutingDecision::specialist)
                    .containsExactlyElementsOf(learntInPlace.stream().map(RoutingDecision::specialist).toList());
            assertThat(relearnt).extracting(RoutingDecision::confidence)
                    .containsExactlyElementsOf(learntInPlace.stream().map(RoutingDecision::confidence).toList());
        }
    }

    @Test
    @DisplayName("a replica picks up another's corrections and then routes as it does")
    void replicaConverges() throws IOException {
        List<String> probe = tasks();
        try (BotCore one = start(); BotCore two = start()) {
            List<EvalCase> cases = EvalCases.read(Repository.root().resolve("eval/shifts/titles-user-data-to-api.jsonl"),
                    one.catalog());
            assertThat(correctMisses(one, cases, "600.")).isGreaterThan(10);
            List<String> before = routes(two, probe).stream().map(RoutingDecision::specialist).toList();

            two.examples().refresh();

            List<RoutingDecision> fromOne = routes(one, probe);
            List<RoutingDecision> fromTwo = routes(two, probe);
            assertThat(fromTwo).extracting(RoutingDecision::specialist)
                    .containsExactlyElementsOf(fromOne.stream().map(RoutingDecision::specialist).toList());
            assertThat(fromTwo).extracting(RoutingDecision::confidence)
                    .containsExactlyElementsOf(fromOne.stream().map(RoutingDecision::confidence).toList());
            assertThat(fromTwo.stream().map(RoutingDecision::specialist).toList()).as("the refresh changed something")
                    .isNotEqualTo(before);
        }
    }
}

package dev.dispatcher.feedback;

import static dev.dispatcher.testkit.StoreKit.reply;
import static dev.dispatcher.testkit.StoreKit.task;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dispatcher.app.BotCore;
import dev.dispatcher.eval.EvalCase;
import dev.dispatcher.eval.EvalCases;
import dev.dispatcher.reply.Reply;
import dev.dispatcher.testkit.Cores;
import dev.dispatcher.testkit.Repository;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Who may teach the router, and how much one person can move it. */
@DisplayName("Teaching the router")
class TeachingTest {

    /** Routed to the database architect on its "table"; a team that files sessions under auth corrects it. */
    private static final String TASK = "Add new table for user sessions";
    private static final String CORRECTED = "auth-system-architect";

    @TempDir
    Path folder;

    private BotCore start(Map<String, String> extra, Clock clock) {
        Map<String, String> env = Cores.environment(folder);
        env.put("DISPATCHER_KB_RELOAD_SECONDS", "0");
        env.putAll(extra);
        return BotCore.start(dev.dispatcher.app.CoreSettings.fromEnvironment(env), clock);
    }

    private static Reply askAndShow(BotCore core, String text, String message) {
        Reply reply = core.dispatcher().dispatch(task(text, "U-asker"));
        core.dispatcher().attach(reply.decisionId(), reply(message));
        return reply;
    }

    @Test
    @DisplayName("a correction by someone who may not teach is recorded and counted, and moves routing only once confirmed")
    void untrustedCorrectionWaitsForConfirmation() {
        try (BotCore core = start(Map.of("DISPATCHER_TEACHERS", "U-lead, S-backend-leads"), Clock.systemUTC())) {
            // GIVEN a task routed to the database architect
            Reply first = askAndShow(core, TASK, "300.1");
            String routed = first.decision().specialist();

            // WHEN someone who may not teach corrects it
            core.feedback().flag(reply("300.1"), "U-intern");
            Feedback.Correction correction = core.feedback().correct(first.decisionId(), CORRECTED, "U-intern");

            // THEN it is recorded and awaits review, counted in the statistics, and routing has not moved
            assertThat(correction.recorded()).isTrue();
            assertThat(correction.awaitingReview()).isTrue();
            assertThat(core.feedbackStore().awaitingReview()).extracting(r -> r.decisionId()).containsExactly(first.decisionId());
            assertThat(core.stats().window("all", null).corrected()).isEqualTo(1);
            assertThat(core.dispatcher().dispatch(task(TASK, "U-asker")).decision().specialist()).isEqualTo(routed);

            // WHEN an operator confirms it (./dispatcher confirm)
            assertThat(core.feedback().confirm(first.decisionId())).isEqualTo(1);

            // THEN it teaches: the same task now goes where it was corrected to
            assertThat(core.feedbackStore().awaitingReview()).isEmpty();
            assertThat(core.dispatcher().dispatch(task(TASK, "U-asker")).decision().specialist()).isEqualTo(CORRECTED);
        }
    }

    @Test
    @DisplayName("a member of a teaching role or group teaches at once")
    void teachingRoleTeaches() {
        try (BotCore core = start(Map.of("DISPATCHER_TEACHERS", "S-backend-leads"), Clock.systemUTC())) {
            Reply first = askAndShow(core, TASK, "300.2");
            core.feedback().flag(reply("300.2"), "U-ana");

            Feedback.Correction correction = core.feedback().correct(first.decisionId(), CORRECTED, "U-ana", List.of("S-backend-leads"));

            assertThat(correction.awaitingReview()).isFalse();
            assertThat(core.dispatcher().dispatch(task(TASK, "U-asker")).decision().specialist()).isEqualTo(CORRECTED);
        }
    }

    @Test
    @DisplayName("one person correcting 200 tasks to the wrong specialist moves routing on nothing they did not correct")
    void onePersonCannotDragRoutingAround() throws IOException {
        // GIVEN 200 tasks and 240 others nobody touches, all within one hour of one person's clicking
        Clock sameHour = Clock.fixed(Instant.parse("2026-03-02T10:15:00Z"), ZoneOffset.UTC);
        try (BotCore core = start(Map.of(), sameHour)) {
            List<EvalCase> corrected = EvalCases.read(Repository.root().resolve("eval/titles-cases.jsonl"), core.catalog())
                    .subList(0, 200);
            List<String> untouched = EvalCases.read(Repository.root().resolve("eval/blind-cases.jsonl"), core.catalog())
                    .stream().map(EvalCase::text).toList();
            List<String> before = untouched.stream().map(t -> core.cache().route(t).specialist()).toList();

            // WHEN one user corrects each of the 200 to the services architect (wrong for most of them)
            int recorded = 0;
            for (int i = 0; i < corrected.size(); i++) {
                Reply reply = askAndShow(core, corrected.get(i).text(), "400." + i);
                if (!reply.decision().specialist().equals("services-architect")) {
                    core.feedback().flag(reply("400." + i), "U-vandal");
                    recorded += core.feedback().correct(reply.decisionId(), "services-architect", "U-vandal").recorded() ? 1 : 0;
                }
            }

            // THEN every correction is kept and counted, but no task they did not correct routes differently
            assertThat(recorded).isGreaterThan(150);
            assertThat(core.stats().window("all", null).corrected()).isEqualTo(recorded);
            List<String> after = untouched.stream().map(t -> core.cache().route(t).specialist()).toList();
            assertThat(after).isEqualTo(before);
        }
    }
}

package dev.dispatcher.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dispatcher.dispatch.ConversationRef;
import dev.dispatcher.feedback.Feedback;
import dev.dispatcher.testkit.FakePlatformOutput.Sent;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("Who may teach, when DISPATCHER_TEACHERS names groups the platform must be asked about")
class TeachingGroupsPipelineTest {

    private static final String LEADS = "S0LEADS";
    private static final String BOB = "U0BOB";

    @TempDir
    Path dir;

    /** Whom the pipeline asked about, in order. */
    private final List<String> asked = new CopyOnWriteArrayList<>();
    private PipelineKit kit;

    @AfterEach
    void stop() {
        if (kit != null) {
            kit.close();
        }
    }

    /** A pipeline whose platform says Bob's groups are {@code bobsGroups}, counting every question. */
    private void start(String teachers, List<String> bobsGroups) {
        Map<String, String> env = PipelineKit.sqlite(dir);
        if (teachers != null) {
            env.put("DISPATCHER_TEACHERS", teachers);
        }
        kit = PipelineKit.start(env, actor -> {
            asked.add(actor.userId());
            return actor.userId().equals(BOB) ? bobsGroups : List.of();
        });
    }

    /** Routes a task, Bob flags it and chooses the user-management architect; returns the confirmation. */
    private Feedback.Correction bobCorrects() throws InterruptedException {
        kit.send(kit.route("Fix JWT token expiration"));
        Sent answer = kit.output.sent("reply").get(0);
        String decisionId = ((Content.Analysis) answer.content()).reply().decisionId();
        kit.send(kit.flag(answer.posted(), BOB));
        ConversationRef menu = kit.output.sent("ask").get(0).posted();
        kit.send(kit.choice(menu, decisionId, "user-management-architect", BOB));
        Sent last = kit.output.sent().get(kit.output.sent().size() - 1);
        assertThat(last.method()).isEqualTo("reply");
        return ((Content.CorrectionConfirmation) last.content()).correction();
    }

    @Test
    @DisplayName("a member of a teaching group, as the platform says, teaches at once")
    void memberTeaches() throws Exception {
        // GIVEN the leads' group may teach, and the platform says Bob is one of them
        start(LEADS, List.of(LEADS));

        // WHEN Bob corrects a decision
        Feedback.Correction correction = bobCorrects();

        // THEN his correction teaches, and the platform was asked about him once
        assertThat(correction.awaitingReview()).isFalse();
        assertThat(kit.core.feedbackStore().awaitingReview()).isEmpty();
        assertThat(asked).containsExactly(BOB);
    }

    @Test
    @DisplayName("someone in no teaching group is recorded, and waits for review")
    void nonMemberAwaitsReview() throws Exception {
        // GIVEN the leads' group may teach, and the platform puts Bob in another group only
        start(LEADS, List.of("S0INTERNS"));

        // WHEN Bob corrects a decision
        Feedback.Correction correction = bobCorrects();

        // THEN it is recorded and counted, but awaits review
        assertThat(correction.recorded()).isTrue();
        assertThat(correction.awaitingReview()).isTrue();
        assertThat(kit.core.feedbackStore().awaitingReview()).hasSize(1);
        assertThat(kit.metric("dispatcher_corrections_total", "")).isEqualTo(1);
    }

    @Test
    @DisplayName("when everyone may teach, the platform is never asked")
    void everyoneTeachesAsksNobody() throws Exception {
        // GIVEN no DISPATCHER_TEACHERS
        start(null, List.of());

        // WHEN Bob corrects a decision
        Feedback.Correction correction = bobCorrects();

        // THEN it teaches, and nobody's groups were looked up
        assertThat(correction.awaitingReview()).isFalse();
        assertThat(asked).isEmpty();
    }

    @Test
    @DisplayName("someone named in DISPATCHER_TEACHERS teaches without their groups being looked up")
    void namedTeacherNotLookedUp() throws Exception {
        // GIVEN Bob himself may teach, beside a group
        start(BOB + "," + LEADS, List.of());

        // WHEN Bob corrects a decision
        Feedback.Correction correction = bobCorrects();

        // THEN it teaches, and his groups were not asked for
        assertThat(correction.awaitingReview()).isFalse();
        assertThat(asked).isEmpty();
    }

    @Test
    @DisplayName("a lookup that fails still records the correction, awaiting review")
    void failedLookupKeepsCorrection() throws Exception {
        // GIVEN a platform that cannot say who is in which group
        Map<String, String> env = PipelineKit.sqlite(dir);
        env.put("DISPATCHER_TEACHERS", LEADS);
        kit = PipelineKit.start(env, actor -> {
            throw new IllegalStateException("the platform is unreachable");
        });

        // WHEN Bob corrects a decision
        Feedback.Correction correction = bobCorrects();

        // THEN the correction is kept, and waits for someone allowed to confirm it
        assertThat(correction.recorded()).isTrue();
        assertThat(correction.awaitingReview()).isTrue();
        assertThat(kit.core.feedbackStore().awaitingReview()).hasSize(1);
    }
}

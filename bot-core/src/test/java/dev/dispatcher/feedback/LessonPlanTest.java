package dev.dispatcher.feedback;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dispatcher.store.FeedbackStore;
import java.time.Instant;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The hourly cap on one person's teaching, as corrections are learnt one at a time. */
@DisplayName("The lesson plan's hourly cap")
class LessonPlanTest {

    private static final long TEN_O_CLOCK = Instant.parse("2026-03-02T10:00:00Z").toEpochMilli();
    private static final long MINUTE = 60_000L;

    private final LessonPlan plan = new LessonPlan(2);

    @Test
    @DisplayName("lets a person teach up to the cap in an hour, and again in the next hour")
    void capsEachHourSeparately() {
        LessonPlan.Counts counts = LessonPlan.Counts.none();

        assertThat(teach(counts, "d1", "U1", TEN_O_CLOCK + MINUTE)).isTrue();
        assertThat(teach(counts, "d2", "U1", TEN_O_CLOCK + 2 * MINUTE)).isTrue();
        assertThat(teach(counts, "d3", "U1", TEN_O_CLOCK + 3 * MINUTE)).as("third in the hour").isFalse();
        assertThat(teach(counts, "d4", "U2", TEN_O_CLOCK + 4 * MINUTE)).as("someone else").isTrue();
        assertThat(teach(counts, "d5", "U1", TEN_O_CLOCK + 61 * MINUTE)).as("the next hour").isTrue();
    }

    @Test
    @DisplayName("keeps only the newest hour's counts, however many people corrected before it")
    void forgetsEarlierHours() {
        LessonPlan.Counts counts = LessonPlan.Counts.none();
        for (int i = 0; i < 1_000; i++) {
            teach(counts, "d" + i, "U" + i, TEN_O_CLOCK + i);
        }

        assertThat(counts.tracked()).isEqualTo(1_000);

        teach(counts, "later", "U-late", TEN_O_CLOCK + 90 * MINUTE);

        assertThat(counts.tracked()).isEqualTo(1);
        assertThat(counts.of(row("any", "U-late", TEN_O_CLOCK + 91 * MINUTE))).isEqualTo(1);
    }

    /** Whether the correction teaches, given the counts before it; then counts it, as the learner does. */
    private boolean teach(LessonPlan.Counts counts, String decision, String user, long at) {
        FeedbackStore.CorrectionRow row = row(decision, user, at);
        boolean teaches = plan.lessonOf(row, counts) != null;
        counts.add(row);
        return teaches;
    }

    private static FeedbackStore.CorrectionRow row(String decision, String user, long at) {
        return new FeedbackStore.CorrectionRow(decision, "task " + decision, "database-architect", "auth-system-architect",
                user, at);
    }
}

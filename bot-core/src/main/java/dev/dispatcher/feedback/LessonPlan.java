package dev.dispatcher.feedback;

import dev.dispatcher.store.FeedbackStore;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Which stored corrections teach, and how much: only trusted ones (their author may teach, or someone confirmed them),
 * at most {@code perHour} of one person's in any one clock hour (however many more they make, their weight is capped,
 * so one person cannot drag routing around), and per decision the net agreement of the rest, the majority minus those
 * who disagree. Pure: the same rows always give the same lessons, in the same order. Immutable.
 */
final class LessonPlan {

    static final int UNCAPPED = Integer.MAX_VALUE;
    private static final long HOUR = 3_600_000L;

    private final int perHour;

    LessonPlan(int perHour) {
        if (perHour < 1) {
            throw new IllegalArgumentException("perHour must be at least 1, was " + perHour);
        }
        this.perHour = perHour;
    }

    /** The lessons the rows give (oldest first correction first), and the counts they leave. */
    record Plan(List<TeamLearning.Lesson> lessons, Counts counts) {}

    /**
     * How many trusted corrections each person made in the newest clock hour, which is all the hourly cap needs once
     * corrections come in order. Counted in place, not copied per correction (with many people correcting in one hour,
     * copying made learning one correction cost a millisecond); so not thread-safe: used under its learner's lock.
     */
    static final class Counts {

        private final Map<UserHour, Integer> perUserHour;
        private long latest;

        private Counts(Map<UserHour, Integer> perUserHour, long latest) {
            this.perUserHour = perUserHour;
            this.latest = latest;
        }

        static Counts none() {
            return new Counts(new HashMap<>(), Long.MIN_VALUE);
        }

        /** The counts of the hour of {@code latest}, taken from counts of any hours up to it. */
        static Counts current(Map<UserHour, Integer> counts, long latest) {
            Counts current = new Counts(new HashMap<>(counts), latest);
            current.dropBefore(latest);
            return current;
        }

        int of(FeedbackStore.CorrectionRow row) {
            return perUserHour.getOrDefault(key(row), 0);
        }

        /** How many people's counts are kept. */
        int tracked() {
            return perUserHour.size();
        }

        /** The newest correction's time seen so far. */
        long latest() {
            return latest;
        }

        /** Sees one more row, at or after every row seen before: counted if trusted. */
        void add(FeedbackStore.CorrectionRow row) {
            if (row.createdAt() > latest) {
                boolean newHour = latest == Long.MIN_VALUE
                        || Math.floorDiv(row.createdAt(), HOUR) > Math.floorDiv(latest, HOUR);
                latest = row.createdAt();
                if (newHour) {
                    dropBefore(latest);
                }
            }
            if (row.trusted()) {
                perUserHour.merge(key(row), 1, Integer::sum);
            }
        }

        static UserHour key(FeedbackStore.CorrectionRow row) {
            return new UserHour(row.user(), Math.floorDiv(row.createdAt(), HOUR));
        }

        /**
         * Keeps only the counts of the hour of {@code time}: a correction learnt in place comes at or after the latest,
         * so earlier hours can no longer cap anyone.
         */
        private void dropBefore(long time) {
            long hour = Math.floorDiv(time, HOUR);
            perUserHour.keySet().removeIf(k -> k.hour() < hour);
        }
    }

    /** One person in one clock hour. */
    record UserHour(String user, long hour) {
    }

    Plan lessons(List<FeedbackStore.CorrectionRow> rows) {
        List<FeedbackStore.CorrectionRow> ordered = new ArrayList<>(rows);
        ordered.sort(Comparator.comparingLong(FeedbackStore.CorrectionRow::createdAt)
                .thenComparing(FeedbackStore.CorrectionRow::decisionId).thenComparing(FeedbackStore.CorrectionRow::user));
        Map<UserHour, Integer> perUserHour = new HashMap<>();
        Map<String, String> taskByDecision = new LinkedHashMap<>();
        Map<String, Long> firstByDecision = new HashMap<>();
        Map<String, Map<String, Integer>> votesByDecision = new HashMap<>();
        long latest = Long.MIN_VALUE;
        for (FeedbackStore.CorrectionRow row : ordered) {
            latest = Math.max(latest, row.createdAt());
            if (!row.trusted() || perUserHour.merge(Counts.key(row), 1, Integer::sum) > perHour) {
                continue;
            }
            taskByDecision.putIfAbsent(row.decisionId(), row.taskText());
            firstByDecision.merge(row.decisionId(), row.createdAt(), Math::min);
            votesByDecision.computeIfAbsent(row.decisionId(), k -> new LinkedHashMap<>()).merge(row.correctedTo(), 1, Integer::sum);
        }
        List<TeamLearning.Lesson> lessons = new ArrayList<>();
        for (Map.Entry<String, String> task : taskByDecision.entrySet()) {
            Map<String, Integer> votes = votesByDecision.get(task.getKey());
            Map.Entry<String, Integer> majority = Majority.of(votes);
            int total = votes.values().stream().mapToInt(Integer::intValue).sum();
            int net = majority.getValue() - (total - majority.getValue());
            if (net > 0) {
                lessons.add(new TeamLearning.Lesson(task.getKey(), task.getValue(), majority.getKey(), weight(net),
                        majority.getValue(), firstByDecision.get(task.getKey())));
            }
        }
        lessons.sort(Comparator.comparingLong(TeamLearning.Lesson::firstCorrected).thenComparing(TeamLearning.Lesson::decisionId));
        return new Plan(lessons, Counts.current(perUserHour, latest));
    }

    /**
     * The lesson a decision's first and only correction gives, if it counts, given the counts before it; {@code null}
     * when it does not (not trusted, or its author is over the hourly cap).
     */
    TeamLearning.Lesson lessonOf(FeedbackStore.CorrectionRow row, Counts before) {
        if (!row.trusted() || before.of(row) >= perHour) {
            return null;
        }
        return new TeamLearning.Lesson(row.decisionId(), row.taskText(), row.correctedTo(), weight(1), 1, row.createdAt());
    }

    /** One net agreeing correction teaches half, two three quarters, and so on towards one. */
    static double weight(int net) {
        return 1 - Math.pow(0.5, net);
    }
}

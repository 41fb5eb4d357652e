package dev.dispatcher.feedback;

import dev.dispatcher.routing.CorrectionMemory;
import dev.dispatcher.routing.LinearModel;
import dev.dispatcher.routing.RoutingModel;
import dev.dispatcher.routing.TaskAnalysis;
import dev.dispatcher.store.FeedbackStore;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What the team's corrections taught the router, rebuilt from the store so every replica converges on the same state.
 *
 * <p>Each corrected decision becomes one lesson, labelled with the specialist most users corrected it to and weighted
 * by net agreement (agreeing minus dissenting corrections): one correction counts half, two agreeing three quarters,
 * and so on towards one. A lesson teaches twice:
 * <ul>
 *   <li>its sentence: near-identical tasks follow it ({@link CorrectionIndex}), merely similar ones only lean;</li>
 *   <li>its kind: the team's copy of the learned model takes a bounded step towards the corrected specialist
 *       ({@link RoutingModel#teach}), which moves every request sharing the lesson's convention role and evidence.</li>
 * </ul>
 * Lessons are applied in the order their decisions were first corrected, so the same stored corrections always give
 * the same model. Withdrawn flags and forgotten decisions drop out at the next {@link #reload()}.
 *
 * <p>Thread-safe: readers see an immutable snapshot, swapped atomically on reload.
 */
public final class TeamLearning implements CorrectionMemory {

    private record Snapshot(CorrectionIndex index, LinearModel model, int lessons) {}

    private final FeedbackStore store;
    private final RoutingModel routing;
    private final AtomicLong version = new AtomicLong();
    private volatile Snapshot current;

    public TeamLearning(FeedbackStore store, RoutingModel routing) {
        this.store = store;
        this.routing = routing;
        this.current = new Snapshot(CorrectionIndex.empty(), null, 0);
    }

    /** Re-reads every correction from the store and relearns from them; call after any correction changes. */
    public synchronized void reload() {
        List<Lesson> lessons = lessons(store.corrections());
        CorrectionIndex.Builder index = CorrectionIndex.builder();
        LinearModel model = lessons.isEmpty() ? null : routing.teamModel();
        for (Lesson lesson : lessons) {
            TaskAnalysis analysis = routing.analyse(lesson.task());
            index.add(analysis.contentTerms(), lesson.specialist(), lesson.weight(), lesson.corrections());
            routing.teach(model, analysis, lesson.specialist(), lesson.weight());
        }
        current = new Snapshot(index.build(), model, lessons.size());
        version.incrementAndGet();
    }

    /** One corrected decision as a lesson, in the order lessons are applied. */
    record Lesson(String decisionId, String task, String specialist, double weight, int corrections, long firstCorrected) {}

    /** The lessons stored corrections give: one per decision with a net majority, oldest first correction first. */
    static List<Lesson> lessons(List<FeedbackStore.CorrectionRow> rows) {
        Map<String, String> taskByDecision = new LinkedHashMap<>();
        Map<String, Long> firstByDecision = new HashMap<>();
        Map<String, Map<String, Integer>> votesByDecision = new HashMap<>();
        for (FeedbackStore.CorrectionRow row : rows) {
            taskByDecision.put(row.decisionId(), row.taskText());
            firstByDecision.merge(row.decisionId(), row.createdAt(), Math::min);
            votesByDecision.computeIfAbsent(row.decisionId(), k -> new LinkedHashMap<>()).merge(row.correctedTo(), 1, Integer::sum);
        }
        List<Lesson> lessons = new ArrayList<>();
        for (Map.Entry<String, String> task : taskByDecision.entrySet()) {
            Map<String, Integer> votes = votesByDecision.get(task.getKey());
            Map.Entry<String, Integer> majority = Majority.of(votes);
            int total = votes.values().stream().mapToInt(Integer::intValue).sum();
            int net = majority.getValue() - (total - majority.getValue());
            if (net > 0) {
                lessons.add(new Lesson(task.getKey(), task.getValue(), majority.getKey(), 1 - Math.pow(0.5, net),
                        majority.getValue(), firstByDecision.get(task.getKey())));
            }
        }
        lessons.sort(Comparator.comparingLong(Lesson::firstCorrected).thenComparing(Lesson::decisionId));
        return lessons;
    }

    @Override
    public Map<String, Vote> votes(List<String> contentTerms) {
        return current.index().votes(contentTerms);
    }

    @Override
    public LinearModel learned() {
        return current.model();
    }

    @Override
    public int learnedFrom() {
        return current.lessons();
    }

    @Override
    public long version() {
        return version.get();
    }

    /** How many corrected tasks the router currently learns from. */
    public int size() {
        return current.lessons();
    }
}

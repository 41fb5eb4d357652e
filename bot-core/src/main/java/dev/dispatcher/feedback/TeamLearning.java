package dev.dispatcher.feedback;

import dev.dispatcher.routing.CorrectionMemory;
import dev.dispatcher.routing.LinearModel;
import dev.dispatcher.routing.RoutingModel;
import dev.dispatcher.routing.TaskAnalysis;
import dev.dispatcher.store.FeedbackStore;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What the team's corrections taught the router, always the same for the same stored corrections, so every replica
 * converges on it.
 *
 * <p>Each corrected decision becomes one {@link Lesson} ({@link LessonPlan} says which corrections count and how much).
 * A lesson teaches twice:
 * <ul>
 *   <li>its sentence: near-identical tasks follow it ({@link CorrectionIndex}), merely similar ones only lean;</li>
 *   <li>its kind: the team's copy of the learned model takes a bounded step towards the corrected specialist
 *       ({@link RoutingModel#teach}), which moves every request sharing the lesson's convention role and evidence.</li>
 * </ul>
 * Lessons are applied in the order their decisions were first corrected. A new correction that comes last in that
 * order is learnt in place, in well under a millisecond; anything else (a withdrawal, a forgotten decision, a second
 * opinion on a decision, a correction another replica made earlier) relearns everything from the store.
 *
 * <p>Thread-safe: one writer at a time (methods are synchronized); routers read the current model and index without
 * waiting.
 */
public final class TeamLearning implements CorrectionMemory, Lessons {

    /** Lessons analysed together when relearning. */
    private static final int CHUNK = 2_000;

    private final FeedbackStore store;
    private final RoutingModel routing;
    private final LessonPlan plan;
    private final AtomicLong version = new AtomicLong();
    private volatile CorrectionIndex index = new CorrectionIndex();
    private volatile LinearModel model;
    /** The lessons learnt, in order; only touched under this object's lock (a long history must not be copied per correction). */
    private List<Lesson> applied = new ArrayList<>();
    private Set<String> appliedDecisions = new HashSet<>();
    private volatile int appliedCount;
    private LessonPlan.Counts counts = LessonPlan.Counts.none();

    /** Learning in which every stored correction counts, however many one person makes. */
    public TeamLearning(FeedbackStore store, RoutingModel routing) {
        this(store, routing, LessonPlan.UNCAPPED);
    }

    /**
     * @param perHour how many of one person's corrections in one hour teach; the rest are recorded but weigh nothing
     */
    public TeamLearning(FeedbackStore store, RoutingModel routing, int perHour) {
        this.store = store;
        this.routing = routing;
        this.plan = new LessonPlan(perHour);
    }

    /** Relearns everything from the store. */
    public void reload() {
        relearn();
    }

    @Override
    public synchronized void relearn() {
        LessonPlan.Plan next = plan.lessons(store.corrections());
        List<CorrectionIndex.Item> items = new ArrayList<>(next.lessons().size());
        LinearModel freshModel = routing.teamModel();
        // Analysing the lessons' tasks is most of the work and independent: done in parallel, a chunk at a time so
        // that a long history never holds all its analyses at once; the model's steps stay in lesson order.
        List<Lesson> lessons = next.lessons();
        for (int from = 0; from < lessons.size(); from += CHUNK) {
            List<Lesson> chunk = lessons.subList(from, Math.min(lessons.size(), from + CHUNK));
            List<TaskAnalysis> analyses = chunk.parallelStream().map(l -> routing.analyse(l.task())).toList();
            for (int i = 0; i < chunk.size(); i++) {
                Lesson lesson = chunk.get(i);
                items.add(new CorrectionIndex.Item(analyses.get(i).contentTerms(), lesson.specialist(), lesson.weight(),
                        lesson.corrections()));
                routing.teach(freshModel, analyses.get(i), lesson.specialist(), lesson.weight());
            }
        }
        index = CorrectionIndex.of(items);
        model = next.lessons().isEmpty() ? null : freshModel;
        learnt(next.lessons());
        counts = next.counts();
        version.incrementAndGet();
    }

    /** Learns a new correction of one decision in place when it comes last; otherwise relearns everything. */
    @Override
    public synchronized void corrected(String decisionId) {
        List<FeedbackStore.CorrectionRow> rows = store.corrections(decisionId);
        Lesson lesson = rows.size() == 1 ? plan.lessonOf(rows.get(0), counts) : null;
        boolean known = appliedDecisions.contains(decisionId);
        if (lesson == null || known || rows.get(0).createdAt() < counts.latest()) {
            if (rows.size() == 1 && !known && rows.get(0).createdAt() >= counts.latest()) {
                counts.add(rows.get(0));   // not trusted, or over its author's hourly cap: weighs nothing
                return;
            }
            relearn();
            return;
        }
        apply(lesson, rows.get(0));
    }

    /** Picks up corrections other replicas stored: learns new ones in place when they come last, else relearns. */
    public synchronized void refresh() {
        LessonPlan.Plan next = plan.lessons(store.corrections());
        List<Lesson> known = applied;
        if (next.lessons().equals(known)) {
            counts = next.counts();
            return;
        }
        if (next.lessons().size() > known.size() && next.lessons().subList(0, known.size()).equals(known)) {
            LinearModel target = model == null ? routing.teamModel() : model;
            for (Lesson lesson : next.lessons().subList(known.size(), next.lessons().size())) {
                learn(lesson, index, target);
            }
            model = target;
            learnt(next.lessons());
            counts = next.counts();
            version.incrementAndGet();
            return;
        }
        relearn();
    }

    private void apply(Lesson lesson, FeedbackStore.CorrectionRow row) {
        LinearModel target = model == null ? routing.teamModel() : model;
        learn(lesson, index, target);
        model = target;
        applied.add(lesson);
        appliedDecisions.add(lesson.decisionId());
        appliedCount = applied.size();
        counts.add(row);
        version.incrementAndGet();
    }

    private void learnt(List<Lesson> lessons) {
        applied = new ArrayList<>(lessons);
        appliedDecisions = new HashSet<>();
        lessons.forEach(l -> appliedDecisions.add(l.decisionId()));
        appliedCount = applied.size();
    }

    private void learn(Lesson lesson, CorrectionIndex into, LinearModel team) {
        TaskAnalysis analysis = routing.analyse(lesson.task());
        into.add(analysis.contentTerms(), lesson.specialist(), lesson.weight(), lesson.corrections());
        routing.teach(team, analysis, lesson.specialist(), lesson.weight());
    }

    @Override
    public Map<String, Vote> votes(List<String> contentTerms) {
        return index.votes(contentTerms);
    }

    @Override
    public LinearModel learned() {
        return model;
    }

    @Override
    public int learnedFrom() {
        return appliedCount;
    }

    @Override
    public long version() {
        return version.get();
    }

    /** How many corrected tasks the router currently learns from. */
    public int size() {
        return appliedCount;
    }

    /**
     * One corrected decision as the router learns it.
     *
     * @param decisionId     the decision
     * @param task           its task
     * @param specialist     who the counted corrections' majority says should have had it
     * @param weight         how much it teaches: one correction half, two agreeing three quarters, towards one
     * @param corrections    how many counted corrections agree
     * @param firstCorrected when its first counted correction was made, which orders lessons
     */
    public record Lesson(String decisionId, String task, String specialist, double weight, int corrections, long firstCorrected) {}
}

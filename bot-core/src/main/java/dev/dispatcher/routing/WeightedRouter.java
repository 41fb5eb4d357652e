package dev.dispatcher.routing;

import dev.dispatcher.knowledge.KnowledgeBase;
import dev.dispatcher.knowledge.SectionIndex;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Our router: gathers every kind of evidence for a task ({@link EvidenceScorer}), weighs it with the learned model
 * ({@link RoutingModel}, moved by the team's corrections), adds the votes of near-identical corrected tasks, and turns
 * the scores into calibrated probabilities.
 *
 * <p>The winner's probability is the confidence shown. A task with too little evidence, or whose winner is too
 * unsure, falls back to the fallback specialist with a request for clarification. "Also consider" names the
 * runners-up that are likely enough to be the owner, and a convention's alternative when the task is of that kind.
 * The seed's priority order only breaks exact ties. Thread-safe when its {@link CorrectionMemory} is.
 */
public final class WeightedRouter implements Router {

    private static final int MAX_ALTERNATES = 2;
    /** Scores closer than this are a tie, whatever order floating-point addition took. */
    private static final double TIE = 1e-9;
    /** A task at least this likely of a convention's kind names that convention's alternative under "also consider". */
    private static final double KIND_LIKELY = 0.5;

    private final RoutingModel model;
    private final SpecialistCatalog catalog;
    private final KnowledgeBase knowledge;
    private final CorrectionMemory corrections;
    private final RoutingSettings settings;
    private final List<Specialist> specialists;
    private final int fallbackIndex;
    /** Each specialist's two strongest keywords, by id: sorting every keyword on each clarification cost a fallback dear. */
    private final Map<String, List<String>> strongestTerms;

    public WeightedRouter(RoutingModel model, CorrectionMemory corrections) {
        this.model = model;
        this.catalog = model.catalog();
        this.knowledge = model.knowledge();
        this.corrections = corrections;
        this.settings = catalog.settings();
        this.specialists = catalog.specialists();
        this.fallbackIndex = RoutingModel.indexOf(specialists, catalog.fallback().id());
        Map<String, List<String>> strongest = new java.util.HashMap<>();
        specialists.forEach(s -> strongest.put(s.id(), s.strongestTerms(2)));
        this.strongestTerms = Map.copyOf(strongest);
    }

    /** A router that trains its own model on the knowledge base's examples. */
    public WeightedRouter(SpecialistCatalog catalog, KnowledgeBase knowledge, TextAnalyzer analyzer, CorrectionMemory corrections) {
        this(RoutingModel.train(catalog, knowledge, analyzer), corrections);
    }

    public RoutingModel model() {
        return model;
    }

    @Override
    public RoutingDecision route(String task) {
        TaskAnalysis analysis = model.analyse(task);
        if (analysis.isEmpty()) {
            return fallback(analysis, List.of(), new FallbackReason(FallbackReason.Kind.EMPTY_TASK, "The task is empty."));
        }
        int n = specialists.size();
        LinearModel learned = corrections.learned();
        ModelFeatures features = model.features(analysis);
        double[] scores = model.scores(features, learned);
        Map<String, CorrectionMemory.Vote> votes = corrections.votes(analysis.contentTerms());
        double[] memory = new double[n];
        for (int i = 0; i < n; i++) {
            CorrectionMemory.Vote vote = votes.get(specialists.get(i).id());
            memory[i] = vote == null ? 0 : vote.weight() * settings.exampleWeight();
            scores[i] += memory[i];
        }
        double[] p = model.probabilities(scores, analysis);
        Integer[] order = byProbability(p);
        double strongest = 0;
        List<Evidence> evidence = new ArrayList<>();
        for (int i : order) {
            double raw = analysis.evidenceTotal(i);
            strongest = Math.max(strongest, raw + memory[i]);
            if (raw + memory[i] > 0 || p[i] >= 0.01) {
                evidence.add(new Evidence(specialists.get(i).id(), analysis.keywords().get(i),
                        analysis.evidence(TaskAnalysis.EvidenceKind.KEYWORDS, i), analysis.knowledgeScore(i), memory[i],
                        scores[i] - raw - memory[i], p[i]));
            }
        }
        int top = order[0];
        Evidence winner = evidence.get(0);
        // The fallback specialist winning on documentation alone is the seed's "no keywords match" case: say so.
        boolean onlyGeneralDocs = top == fallbackIndex && winner.keywordScore() == 0 && winner.exampleScore() == 0;
        if (strongest < settings.minEvidence() || onlyGeneralDocs) {
            return fallback(analysis, evidence, new FallbackReason(FallbackReason.Kind.NO_EVIDENCE,
                    "No backend-specific keywords detected."));
        }
        if (p[top] < settings.minConfidence()) {
            return fallback(analysis, evidence, new FallbackReason(FallbackReason.Kind.LOW_CONFIDENCE, String.format(Locale.ROOT,
                    "The request is ambiguous: the best match, %s, has only %.0f%% confidence.",
                    winner.specialist(), winner.confidence() * 100)));
        }
        if (knowledge.isMissing(winner.specialist())) {
            return fallback(analysis, evidence, new FallbackReason(FallbackReason.Kind.MISSING_DOCUMENT,
                    "The knowledge base document for " + winner.specialist() + " is missing ("
                            + knowledge.missingFile(winner.specialist()).map(Object::toString).orElse("?")
                            + "); the overview specialist takes it with general knowledge."));
        }
        SectionIndex.Match section = analysis.bestSections().get(winner.specialist());
        return new RoutingDecision(winner.specialist(), p[top], evidence, alternates(analysis, p, order),
                null, knowledge.link(winner.specialist(), section == null ? null : section.section()),
                analysis.routedText().length(), analysis.truncated(),
                correctionsThatDecided(features, top, learned, memory, votes), List.of());
    }

    /** Specialist indexes, most probable first; exact ties keep priority order (the seed's tie-break). */
    private static Integer[] byProbability(double[] p) {
        Integer[] order = new Integer[p.length];
        for (int i = 0; i < p.length; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, (a, b) -> Math.abs(p[a] - p[b]) < TIE ? 0 : Double.compare(p[b], p[a]));
        return order;
    }

    /**
     * Who else could own the task: runners-up at least as likely as the model's "also consider" probability (chosen on
     * held-out examples), and, when the task is of a convention's kind and went to that kind's owner, the convention's
     * alternative if it is at least half as likely as that.
     */
    private List<String> alternates(TaskAnalysis analysis, double[] p, Integer[] order) {
        List<String> out = new ArrayList<>();
        String top = specialists.get(order[0]).id();
        String domain = analysis.namedDomain() < 0 ? null : specialists.get(analysis.namedDomain()).id();
        Conventions conventions = catalog.conventions();
        for (int j = 0; j < conventions.size() && j < analysis.kindProbabilities().length; j++) {
            Conventions.Convention convention = conventions.kinds().get(j);
            if (analysis.crossDomain() && convention.aboutOneDomain()) {
                continue;
            }
            String alternative = convention.alternativeFor(domain);
            int alternativeIndex = alternative == null ? -1 : RoutingModel.indexOf(specialists, alternative);
            if (analysis.kindProbabilities()[j] >= KIND_LIKELY && top.equals(convention.ownerFor(domain))
                    && alternativeIndex >= 0 && !alternative.equals(top) && !out.contains(alternative)
                    && p[alternativeIndex] >= model.alsoConsider() / 2) {
                out.add(alternative);
            }
        }
        for (int k = 1; k < order.length && out.size() < MAX_ALTERNATES; k++) {
            String id = specialists.get(order[k]).id();
            if (p[order[k]] >= model.alsoConsider() && !out.contains(id)) {
                out.add(id);
            }
        }
        return out.size() > MAX_ALTERNATES ? out.subList(0, MAX_ALTERNATES) : out;
    }

    /**
     * How many corrections decided the route: the near-identical corrected tasks that voted for the winner when the
     * winner would differ without them; else, when the team's model picks another winner than the trained one, the
     * corrections it learned from; 0 when the route is what the examples alone give.
     */
    private int correctionsThatDecided(ModelFeatures features, int top, LinearModel learned, double[] memory,
                                       Map<String, CorrectionMemory.Vote> votes) {
        if (learned == null && memory[top] <= 0) {
            return 0;
        }
        double[] untaught = model.scores(features, null);
        int best = 0;
        for (int i = 1; i < untaught.length; i++) {
            if (untaught[i] > untaught[best] + TIE) {
                best = i;
            }
        }
        if (best == top) {
            return 0;
        }
        CorrectionMemory.Vote vote = votes.get(specialists.get(top).id());
        return vote != null && memory[top] > 0 ? vote.corrections() : Math.max(1, corrections.learnedFrom());
    }

    private RoutingDecision fallback(TaskAnalysis analysis, List<Evidence> evidence, FallbackReason reason) {
        Specialist fallback = catalog.fallback();
        SectionIndex.Match section = analysis.bestSections().get(fallback.id());
        List<String> candidates = evidence.stream().map(Evidence::specialist)
                .filter(id -> !id.equals(fallback.id())).limit(MAX_ALTERNATES).toList();
        double confidence = evidence.stream().filter(e -> e.specialist().equals(fallback.id()))
                .mapToDouble(Evidence::confidence).findFirst().orElse(0);
        return new RoutingDecision(fallback.id(), confidence, evidence, candidates, reason,
                knowledge.link(fallback.id(), section == null ? null : section.section()),
                analysis.routedText().length(), analysis.truncated(), 0, suggestions(candidates));
    }

    /** Two strong keywords from each likely specialist (or from every specialist when none is likely). */
    private List<String> suggestions(List<String> candidates) {
        List<String> from = candidates.isEmpty()
                ? specialists.stream().map(Specialist::id).filter(id -> !id.equals(catalog.fallback().id())).toList()
                : candidates;
        return from.stream().flatMap(id -> strongestTerms.get(id).stream()).distinct().toList();
    }
}

package dev.dispatcher.routing;

import dev.dispatcher.knowledge.ExampleClassifier;
import dev.dispatcher.knowledge.KnowledgeBase;
import dev.dispatcher.knowledge.LabelledExamples;
import dev.dispatcher.knowledge.Section;
import dev.dispatcher.knowledge.SectionIndex;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Our router: scores every specialist on three kinds of evidence and picks the strongest.
 *
 * <ol>
 *   <li>Configured keywords and phrases, matched as whole stemmed terms, summed by weight.</li>
 *   <li>The knowledge base itself: BM25 of the task against each document's sections, so a task without any listed
 *       keyword still lands, and the reply links the best section; and the labelled example requests
 *       ({@link LabelledExamples}), nearest neighbours in the way people phrase things, and a naive Bayes
 *       {@link ExampleClassifier} over all of them, which pools the words of every example of a specialist.</li>
 *   <li>Earlier corrections of similar tasks ({@link CorrectionMemory}).</li>
 * </ol>
 *
 * <p>The seed's priority order only breaks exact ties. A runner-up within the ambiguity margin is named as "also
 * consider"; a task with too little evidence, or whose winner is too unsure, falls back to the fallback specialist
 * with a request for clarification. Thread-safe when its {@link CorrectionMemory} is.
 */
public final class WeightedRouter implements Router {

    /** BM25 score at which knowledge-base evidence counts half; a lone common word scores well below it. */
    private static final double KNOWLEDGE_HALF_STRENGTH = 6.0;
    private static final int MAX_ALTERNATES = 2;
    /** Keyword score that says a task describes a failure ("error", "bug", "crash"; "fix" alone is not enough). */
    private static final double SYMPTOM = 1.5;
    /** Keyword score that says a task names a domain (one strong term such as "database" or "authentication"). */
    private static final double DOMAIN = 2.0;
    /** How the cross-domain rule shows among the detected keywords. */
    static final String CROSS_DOMAIN = "failure across several domains";
    /** Scores closer than this are a tie, whatever order floating-point addition took. */
    private static final double TIE = 1e-9;
    /**
     * Evidence mass that stands for "none of them": confidence is the winner's score over its own, its closest rival's
     * and this, so a lone weak keyword is not 100% sure and a clear winner over a close rival is not either.
     */
    private static final double PRIOR_DOUBT = 1.0;

    private final SpecialistCatalog catalog;
    private final KnowledgeBase knowledge;
    private final TextAnalyzer analyzer;
    private final KeywordMatcher keywords;
    private final SectionIndex sections;
    private final LabelledExamples examples;
    private final ExampleClassifier classifier;
    private final CorrectionMemory corrections;
    private final RoutingSettings settings;
    private final List<Specialist> specialists;
    private final int coordinatorIndex;
    private final int fallbackIndex;

    public WeightedRouter(SpecialistCatalog catalog, KnowledgeBase knowledge, TextAnalyzer analyzer, CorrectionMemory corrections) {
        this.catalog = catalog;
        this.knowledge = knowledge;
        this.analyzer = analyzer;
        this.specialists = catalog.specialists();
        this.keywords = new KeywordMatcher(specialists, analyzer);
        this.sections = new SectionIndex(knowledge.sections(), analyzer);
        List<Map.Entry<List<String>, String>> labelled = knowledge.labelledExamples().stream()
                .map(e -> Map.entry(analyzer.contentTerms(e.getKey()), e.getValue())).toList();
        this.examples = new LabelledExamples(labelled, catalog.settings().labelledExampleMinSimilarity());
        this.classifier = new ExampleClassifier(labelled);
        this.corrections = corrections;
        this.settings = catalog.settings();
        List<String> ids = specialists.stream().map(Specialist::id).toList();
        this.coordinatorIndex = settings.crossDomainSpecialist() == null ? -1 : ids.indexOf(settings.crossDomainSpecialist());
        this.fallbackIndex = ids.indexOf(catalog.fallback().id());
    }

    @Override
    public RoutingDecision route(String task) {
        String text = task == null ? "" : task.strip();
        boolean truncated = text.length() > settings.maxTaskChars();
        String routed = truncated ? text.substring(0, settings.maxTaskChars()) : text;
        if (routed.isEmpty()) {
            return fallback(List.of(), new FallbackReason(FallbackReason.Kind.EMPTY_TASK, "The task is empty."), null, 0, false);
        }
        List<String> terms = analyzer.terms(routed);
        List<String> contentTerms = analyzer.contentTerms(routed);
        KeywordMatcher.Matches found = keywords.match(terms, routed);
        Map<String, SectionIndex.Match> bestSections = sections.bestPerSpecialist(contentTerms);
        Map<String, CorrectionMemory.Vote> votes = corrections.votes(contentTerms);
        Map<String, Double> similar = examples.votes(contentTerms);
        Map<String, Double> probable = classifier.probabilities(contentTerms);

        double bestBm25 = bestSections.values().stream().mapToDouble(SectionIndex.Match::score).max().orElse(0);
        double strength = bestBm25 / (bestBm25 + KNOWLEDGE_HALF_STRENGTH);
        int n = specialists.size();
        double[] keywordScores = new double[n];
        double[] knowledgeScores = new double[n];
        double[] exampleScores = new double[n];
        double[] totals = new double[n];
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            String id = specialists.get(i).id();
            keywordScores[i] = found.scores()[i] * settings.keywordWeight();
            SectionIndex.Match match = bestSections.get(id);
            if (match != null) {
                double ratio = match.score() / bestBm25;
                knowledgeScores[i] = settings.knowledgeWeight() * strength * ratio * ratio;
            }
            knowledgeScores[i] += settings.labelledExampleWeight() * similar.getOrDefault(id, 0.0)
                    + settings.exampleClassifierWeight() * probable.getOrDefault(id, 0.0);
            CorrectionMemory.Vote vote = votes.get(id);
            exampleScores[i] = vote == null ? 0 : vote.weight() * settings.exampleWeight();
            totals[i] = keywordScores[i] + knowledgeScores[i] + exampleScores[i];
            order[i] = i;
        }
        boolean crossDomain = addCrossDomainBonus(keywordScores, totals);
        // Stable sort over the priority-ordered list: equal totals keep priority order, which is the seed's tie-break.
        java.util.Arrays.sort(order, (a, b) -> Math.abs(totals[a] - totals[b]) < TIE ? 0 : Double.compare(totals[b], totals[a]));
        double best = totals[order[0]];
        double runnerUp = n > 1 ? totals[order[1]] : 0;
        List<Evidence> evidence = new ArrayList<>();
        for (int i : order) {
            if (totals[i] > 0) {
                List<String> detected = found.keywords().get(i);
                if (crossDomain && i == coordinatorIndex) {
                    detected = java.util.stream.Stream.concat(detected.stream(), java.util.stream.Stream.of(CROSS_DOMAIN)).toList();
                }
                evidence.add(new Evidence(specialists.get(i).id(), detected, keywordScores[i],
                        knowledgeScores[i], exampleScores[i], totals[i] / (best + runnerUp + PRIOR_DOUBT)));
            }
        }

        // The fallback specialist winning on documentation alone is the seed's "no keywords match" case: say so.
        boolean onlyGeneralDocs = !evidence.isEmpty() && evidence.get(0).specialist().equals(catalog.fallback().id())
                && evidence.get(0).keywordScore() == 0 && evidence.get(0).exampleScore() == 0;
        if (evidence.isEmpty() || evidence.get(0).total() < settings.minEvidence() || onlyGeneralDocs) {
            return fallback(evidence, new FallbackReason(FallbackReason.Kind.NO_EVIDENCE,
                    "No backend-specific keywords detected."), bestSections, routed.length(), truncated);
        }
        Evidence top = evidence.get(0);
        if (top.confidence() < settings.minConfidence()) {
            return fallback(evidence, new FallbackReason(FallbackReason.Kind.LOW_CONFIDENCE, String.format(
                    java.util.Locale.ROOT, "The request is ambiguous: the best match, %s, has only %.0f%% confidence.",
                    top.specialist(), top.confidence() * 100)), bestSections, routed.length(), truncated);
        }
        if (knowledge.isMissing(top.specialist())) {
            return fallback(evidence, new FallbackReason(FallbackReason.Kind.MISSING_DOCUMENT, "The knowledge base document for "
                    + top.specialist() + " is missing (" + knowledge.missingFile(top.specialist()).map(Object::toString).orElse("?")
                    + "); the overview specialist takes it with general knowledge."), bestSections, routed.length(), truncated);
        }
        SectionIndex.Match section = bestSections.get(top.specialist());
        return new RoutingDecision(top.specialist(), top.confidence(), evidence, alternates(evidence, top, crossDomain),
                null, knowledge.link(top.specialist(), section == null ? null : section.section()),
                routed.length(), truncated, correctionsThatDecided(evidence, votes), List.of());
    }

    /**
     * The seed's cross-domain rule: a failure that names several domains ("authentication database connection
     * error") belongs to the specialist who coordinates across them. Each named domain beyond the first adds a bonus
     * to that specialist, but only when the task describes a failure (a symptom word, not just "fix").
     */
    private boolean addCrossDomainBonus(double[] keywordScores, double[] totals) {
        int coordinator = coordinatorIndex;
        if (coordinator < 0 || keywordScores[coordinator] < SYMPTOM) {
            return false;
        }
        int domains = 0;
        for (int i = 0; i < keywordScores.length; i++) {
            if (i != coordinator && i != fallbackIndex && keywordScores[i] >= DOMAIN) {
                domains++;
            }
        }
        if (domains < 2) {
            return false;
        }
        double bonus = settings.crossDomainBonus() * (domains - 1);
        keywordScores[coordinator] += bonus;
        totals[coordinator] += bonus;
        return true;
    }

    /**
     * Close runners-up; and when a failure spanning domains went to its coordinator, the domains it named, whom the
     * coordinator may want to consult (the seed's "offer collaboration").
     */
    private List<String> alternates(List<Evidence> evidence, Evidence top, boolean crossDomain) {
        boolean coordinated = crossDomain && top.specialist().equals(settings.crossDomainSpecialist());
        return evidence.stream()
                .filter(e -> e != top)
                .filter(e -> e.confidence() >= top.confidence() - settings.ambiguityMargin()
                        || coordinated && e.keywordScore() >= DOMAIN && !e.specialist().equals(catalog.fallback().id()))
                .limit(MAX_ALTERNATES)
                .map(Evidence::specialist)
                .toList();
    }

    /** Corrections decided the route when the winner would differ without them. */
    private static int correctionsThatDecided(List<Evidence> evidence, Map<String, CorrectionMemory.Vote> votes) {
        Evidence top = evidence.get(0);
        CorrectionMemory.Vote vote = votes.get(top.specialist());
        if (vote == null || top.exampleScore() <= 0) {
            return 0;
        }
        double withoutExamples = top.total() - top.exampleScore();
        boolean changed = evidence.stream().skip(1).anyMatch(e -> e.total() - e.exampleScore() > withoutExamples);
        return changed || withoutExamples == 0 ? vote.corrections() : 0;
    }

    private RoutingDecision fallback(List<Evidence> evidence, FallbackReason reason,
                                     Map<String, SectionIndex.Match> bestSections, int routedChars, boolean truncated) {
        Specialist fallback = catalog.fallback();
        SectionIndex.Match section = bestSections == null ? null : bestSections.get(fallback.id());
        List<String> candidates = evidence.stream().map(Evidence::specialist)
                .filter(id -> !id.equals(fallback.id())).limit(MAX_ALTERNATES).toList();
        double confidence = evidence.stream().filter(e -> e.specialist().equals(fallback.id()))
                .mapToDouble(Evidence::confidence).findFirst().orElse(0);
        return new RoutingDecision(fallback.id(), confidence, evidence, candidates, reason,
                knowledge.link(fallback.id(), section == null ? null : section.section()),
                routedChars, truncated, 0, suggestions(candidates));
    }

    /** Two strong keywords from each likely specialist (or from every specialist when none is likely). */
    private List<String> suggestions(List<String> candidates) {
        List<Specialist> from = candidates.isEmpty()
                ? specialists.stream().filter(s -> !s.id().equals(catalog.fallback().id())).toList()
                : candidates.stream().map(catalog::get).toList();
        return from.stream().flatMap(s -> s.strongestTerms(2).stream()).distinct().toList();
    }
}

package dev.dispatcher.routing;

import dev.dispatcher.knowledge.ExampleClassifier;
import dev.dispatcher.knowledge.SectionIndex;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Gathers every kind of evidence for a task into a {@link TaskAnalysis}: configured keywords, phrases and patterns
 * (whole stemmed terms), BM25 against the knowledge base's sections, the labelled examples (neighbours and naive
 * Bayes), the failure-across-domains rule, and how likely the task is of each convention's kind. No learning here:
 * the same text always gives the same analysis. Immutable and thread-safe.
 */
public final class EvidenceScorer {

    /** BM25 score at which knowledge-base evidence counts half; a lone common word scores well below it. */
    private static final double KNOWLEDGE_HALF_STRENGTH = 6.0;
    /** Keyword score that says a task describes a failure ("error", "bug", "crash"; "fix" alone is not enough). */
    static final double SYMPTOM = 1.5;
    /** Keyword score that says a task names a domain (one strong term such as "database" or "authentication"). */
    static final double DOMAIN = 2.0;
    /** Words that say something does not do what it should, which a task describing a failure nearly always has. */
    private static final java.util.Set<String> FAILURE_CUES = java.util.Set.of("not", "no", "never", "doesn't", "don't",
            "isn't", "can't", "cannot", "won't", "didn't", "wasn't", "aren't", "instead", "ignored", "missing", "wrong",
            "fail", "fails", "failed", "failing", "broken", "raises", "throws", "error", "errors", "exception", "stale",
            "empty", "nothing", "lost", "twice", "duplicate", "unexpected", "incorrect");
    /** How the cross-domain rule shows among the detected keywords. */
    static final String CROSS_DOMAIN = "failure across several domains";

    private final List<Specialist> specialists;
    private final RoutingSettings settings;
    private final TextAnalyzer analyzer;
    private final KeywordMatcher keywords;
    private final SectionIndex sections;
    private final ExampleEvidence examples;
    private final int coordinatorIndex;
    private final int fallbackIndex;

    EvidenceScorer(List<Specialist> specialists, RoutingSettings settings, TextAnalyzer analyzer, KeywordMatcher keywords,
                   SectionIndex sections, ExampleEvidence examples) {
        this.specialists = specialists;
        this.settings = settings;
        this.analyzer = analyzer;
        this.keywords = keywords;
        this.sections = sections;
        this.examples = examples;
        List<String> ids = specialists.stream().map(Specialist::id).toList();
        this.coordinatorIndex = settings.crossDomainSpecialist() == null ? -1 : ids.indexOf(settings.crossDomainSpecialist());
        this.fallbackIndex = ids.indexOf(settings.fallbackSpecialist());
    }

    /** The same scorer reading other examples: training scores each example with evidence that never saw it. */
    EvidenceScorer withExamples(ExampleEvidence other) {
        return new EvidenceScorer(specialists, settings, analyzer, keywords, sections, other);
    }

    /** Analyses a task (only its first {@code maxTaskChars} characters). */
    public TaskAnalysis analyse(String task) {
        String text = task == null ? "" : task.strip();
        boolean truncated = text.length() > settings.maxTaskChars();
        String routed = truncated ? text.substring(0, settings.maxTaskChars()) : text;
        TextAnalyzer.Terms terms = analyzer.analyse(routed);
        return analyse(routed, truncated, terms.terms(), terms.contentTerms());
    }

    /** The terms and keyword signals of a text, which is all that examples need before their evidence is known. */
    Prepared prepare(String text) {
        TextAnalyzer.Terms analysed = analyzer.analyse(text);
        List<String> terms = analysed.terms();
        KeywordMatcher.Matches found = keywords.match(terms, text);
        return new Prepared(terms, analysed.contentTerms(), found, signals(terms, found));
    }

    /** Analysed terms, keyword matches and the evidence signals they give. */
    record Prepared(List<String> terms, List<String> contentTerms, KeywordMatcher.Matches keywords, List<String> signals) {}

    private TaskAnalysis analyse(String routed, boolean truncated, List<String> terms, List<String> contentTerms) {
        int n = specialists.size();
        double[][] evidence = new double[TaskAnalysis.EvidenceKind.values().length][n];
        if (routed.isEmpty()) {
            List<List<String>> none = new ArrayList<>();
            specialists.forEach(s -> none.add(List.of()));
            return new TaskAnalysis(routed, truncated, terms, contentTerms, none, evidence, Map.of(),
                    new double[0], -1, false);
        }
        KeywordMatcher.Matches found = keywords.match(terms, routed);
        Map<String, SectionIndex.Match> bestSections = sections.bestPerSpecialist(contentTerms);
        Map<String, Double> similar = examples.neighbourVotes(contentTerms);
        java.util.Set<String> wordsAndPairs = ExampleClassifier.wordsAndPairs(contentTerms);
        Map<String, Double> probable = examples.classifierProbabilities(wordsAndPairs);
        double bestBm25 = bestSections.values().stream().mapToDouble(SectionIndex.Match::score).max().orElse(0);
        double strength = bestBm25 / (bestBm25 + KNOWLEDGE_HALF_STRENGTH);
        for (int i = 0; i < n; i++) {
            String id = specialists.get(i).id();
            evidence[TaskAnalysis.EvidenceKind.KEYWORDS.ordinal()][i] = found.scores()[i] * settings.keywordWeight();
            SectionIndex.Match match = bestSections.get(id);
            if (match != null) {
                double ratio = match.score() / bestBm25;
                evidence[TaskAnalysis.EvidenceKind.DOCUMENTS.ordinal()][i] = settings.knowledgeWeight() * strength * ratio * ratio;
            }
            evidence[TaskAnalysis.EvidenceKind.NEIGHBOURS.ordinal()][i] =
                    settings.labelledExampleWeight() * similar.getOrDefault(id, 0.0);
            evidence[TaskAnalysis.EvidenceKind.CLASSIFIER.ordinal()][i] =
                    settings.exampleClassifierWeight() * probable.getOrDefault(id, 0.0);
        }
        List<List<String>> detected = new ArrayList<>(found.keywords());
        boolean crossDomain = addCrossDomainBonus(evidence[TaskAnalysis.EvidenceKind.KEYWORDS.ordinal()],
                evidence[TaskAnalysis.EvidenceKind.CROSS_DOMAIN.ordinal()]);
        if (crossDomain) {
            List<String> withRule = new ArrayList<>(detected.get(coordinatorIndex));
            withRule.add(CROSS_DOMAIN);
            detected.set(coordinatorIndex, List.copyOf(withRule));
        }
        double[] kinds = examples.kindProbabilities(wordsAndPairs, signals(terms, found));
        return new TaskAnalysis(routed, truncated, terms, contentTerms, List.copyOf(detected), evidence, bestSections,
                kinds, namedDomain(evidence), crossDomain);
    }

    /**
     * Evidence signals the kind classifier reads beside the words: which specialists' keywords the task names
     * strongly, whether it describes a failure, how many domains it names, and which configured patterns matched.
     */
    List<String> signals(List<String> terms, KeywordMatcher.Matches found) {
        List<String> signals = new ArrayList<>();
        int domains = 0;
        boolean failure = !found.patterns().isEmpty() && found.scores()[Math.max(0, coordinatorIndex)] > 0;
        for (int i = 0; i < specialists.size(); i++) {
            double score = found.scores()[i];
            if (i == coordinatorIndex) {
                if (score >= SYMPTOM) {
                    signals.add("symptom");
                    failure = true;
                }
            } else if (score >= DOMAIN) {
                signals.add("names:" + specialists.get(i).id());
                if (i != fallbackIndex) {
                    domains++;
                }
            } else if (score > 0) {
                signals.add("hints:" + specialists.get(i).id());
            }
        }
        signals.add("domains:" + Math.min(domains, 2));
        found.patterns().forEach(name -> signals.add("pattern:" + name));
        for (int pos = 0; pos < terms.size(); pos++) {
            String term = terms.get(pos);
            if (FAILURE_CUES.contains(term) && !ownedElsewhere(found, pos)) {
                signals.add("cue:" + term);
                failure = true;
            }
        }
        // Absence speaks too: a request with no sign of anything going wrong is rarely a failure of any domain.
        signals.add(failure ? "failure" : "no-failure");
        signals.add((failure ? "failure" : "no-failure") + "+domains:" + Math.min(domains, 2));
        return signals;
    }

    /**
     * Whether another specialist's phrase owns this word ("clear error", "error page"): as for keywords, the longest
     * phrase owns its words, so an error the task asks for is not read as a symptom.
     */
    private boolean ownedElsewhere(KeywordMatcher.Matches found, int position) {
        int owner = found.phraseOwner(position);
        return owner >= 0 && owner != coordinatorIndex;
    }

    /** The domain specialist (neither the coordinator nor the fallback) with the most evidence, or -1. */
    private int namedDomain(double[][] evidence) {
        int best = -1;
        double bestScore = 0;
        for (int i = 0; i < specialists.size(); i++) {
            if (i == coordinatorIndex || i == fallbackIndex) {
                continue;
            }
            double total = 0;
            for (double[] row : evidence) {
                total += row[i];
            }
            if (total > bestScore) {
                best = i;
                bestScore = total;
            }
        }
        return best;
    }

    /**
     * The seed's cross-domain rule: a failure that names several domains ("authentication database connection
     * error") belongs to the specialist who coordinates across them. Each named domain beyond the first adds a bonus
     * to that specialist, but only when the task describes a failure (a symptom word, not just "fix").
     */
    private boolean addCrossDomainBonus(double[] keywordScores, double[] bonuses) {
        int coordinator = coordinatorIndex;
        if (coordinator < 0 || settings.crossDomainBonus() <= 0 || keywordScores[coordinator] < SYMPTOM) {
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
        bonuses[coordinator] = settings.crossDomainBonus() * (domains - 1);
        return true;
    }

    /** Says the vocabulary of the indexes this scorer reads is complete (see {@link TextAnalyzer#vocabularyComplete}). */
    void vocabularyComplete() {
        analyzer.vocabularyComplete();
    }

    List<Specialist> specialists() {
        return specialists;
    }

    int coordinatorIndex() {
        return coordinatorIndex;
    }

    int fallbackIndex() {
        return fallbackIndex;
    }
}

package dev.dispatcher.routing;

import dev.dispatcher.knowledge.ExampleClassifier;
import dev.dispatcher.knowledge.LabelledExamples;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What the labelled example requests say about a task: the nearest neighbours' votes, the naive Bayes classifier's
 * probabilities per specialist, and the {@link KindClassifier}, which tells how likely the task is of each kind a
 * convention is about. Built from any subset of the examples, so training can score each example with
 * evidence that never saw it. Immutable and thread-safe.
 */
final class ExampleEvidence {

    /** Marks kind-classifier features that are signals, not words, so no word can collide with them. */
    static final String SIGNAL = "\u0001";
    static final String OTHER_KIND = "other";

    private final LabelledExamples neighbours;
    private final ExampleClassifier classifier;
    private final KindClassifier kinds;
    private final int kindCount;

    /**
     * @param examples      the examples, analysed, with their labels under the team's conventions
     * @param vocabulary    the numbering of the kind classifier's features over all examples
     * @param minSimilarity neighbours less similar than this do not vote
     * @param conventions   the kinds to estimate
     * @param kindBayesTemperature how much the kind classifier softens its naive Bayes half (1: not at all)
     */
    ExampleEvidence(List<AnalysedExample> examples, KindClassifier.Vocabulary vocabulary, double minSimilarity,
                    Conventions conventions, double kindBayesTemperature) {
        List<Map.Entry<List<String>, String>> labelled = new ArrayList<>(examples.size());
        List<int[]> kindFeatures = new ArrayList<>(examples.size());
        List<Integer> kindLabels = new ArrayList<>(examples.size());
        for (AnalysedExample e : examples) {
            labelled.add(Map.entry(e.contentTerms(), e.label()));
            kindFeatures.add(e.kindFeatures());
            kindLabels.add(kindIndex(e, conventions));
        }
        this.neighbours = new LabelledExamples(labelled, minSimilarity);
        this.classifier = new ExampleClassifier(labelled, true);
        this.kinds = KindClassifier.train(conventions.size() + 1, vocabulary, kindFeatures, kindLabels, kindBayesTemperature);
        this.kindCount = conventions.size();
    }

    /** The naive Bayes temperature of the kind classifier, fitted on held-out folds of these examples. */
    static double fitKindTemperature(List<AnalysedExample> examples, KindClassifier.Vocabulary vocabulary,
                                     Conventions conventions) {
        return KindClassifier.fitBayesTemperature(conventions.size() + 1, vocabulary,
                examples.stream().map(AnalysedExample::kindFeatures).toList(),
                examples.stream().map(e -> kindIndex(e, conventions)).toList());
    }

    /** The kind classifier's label of an example: 0 for none of the conventions' kinds. */
    private static int kindIndex(AnalysedExample e, Conventions conventions) {
        return e.kind() == null ? 0 : conventions.indexOf(e.kind()) + 1;
    }

    /** Nearest neighbours' summed squared similarities per specialist id. */
    Map<String, Double> neighbourVotes(List<String> contentTerms) {
        return neighbours.votes(contentTerms);
    }

    /**
     * Naive Bayes probability per specialist id; empty when no example shares a word with the task.
     *
     * @param wordsAndPairs the task's {@link ExampleClassifier#wordsAndPairs}
     */
    Map<String, Double> classifierProbabilities(java.util.Set<String> wordsAndPairs) {
        return classifier.probabilitiesOf(wordsAndPairs);
    }

    /** Per convention kind, the probability that the task is of that kind. */
    double[] kindProbabilities(java.util.Set<String> wordsAndPairs, List<String> signals) {
        double[] out = new double[kindCount];
        if (kindCount == 0) {
            return out;
        }
        double[] p = kinds.probabilities(KindClassifier.features(wordsAndPairs, signals));
        System.arraycopy(p, 1, out, 0, kindCount);
        return out;
    }

    /**
     * A labelled example after analysis.
     *
     * @param text         the request
     * @param contentTerms its analysed content terms
     * @param signals      its evidence signals (see {@link EvidenceScorer#signals})
     * @param kindFeatures its kind-classifier features, numbered by the vocabulary of all examples
     * @param label        its specialist under the team's conventions
     * @param kind         its kind, or {@code null}
     */
    record AnalysedExample(String text, List<String> contentTerms, List<String> signals, int[] kindFeatures, String label,
                           String kind) {}
}

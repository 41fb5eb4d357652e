package dev.dispatcher.knowledge;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A naive Bayes classifier trained on the labelled example requests: which specialist's examples use a task's words
 * and word pairs most, as a probability per specialist. Where nearest neighbours need one example phrased like the
 * task, this pools every example of a specialist, so "people get bounced after a quarter of an hour" borrows
 * "bounced" from one auth example and "quarter of an hour" from another.
 *
 * <p>Each example counts a term once (Bernoulli-style presence), smoothed additively; terms no example used are
 * ignored. Immutable and thread-safe.
 */
public final class ExampleClassifier {

    /** Additive smoothing: small, because a term seen once with one specialist is real evidence in a small set. */
    private static final double SMOOTHING = 0.1;

    private final List<String> specialists;
    private final double[] logPriors;
    /** Per term, its log-likelihood under each specialist (indexed like {@link #specialists}). */
    private final Map<String, double[]> logLikelihoods;

    /**
     * A classifier whose prior follows how many examples each label has.
     *
     * @param examples the analysed content terms of each example and its specialist id
     */
    public ExampleClassifier(List<Map.Entry<List<String>, String>> examples) {
        this(examples, false);
    }

    /**
     * @param examples the analysed content terms of each example and its label
     * @param uniform  whether every label is a priori equally likely: right for specialists, whose example counts say
     *                 how much someone wrote about them, not how often they are asked for
     */
    public ExampleClassifier(List<Map.Entry<List<String>, String>> examples, boolean uniform) {
        List<String> ids = new ArrayList<>();
        List<Map<String, Integer>> termCounts = new ArrayList<>();
        List<Integer> exampleCounts = new ArrayList<>();
        Set<String> vocabulary = new LinkedHashSet<>();
        for (Map.Entry<List<String>, String> example : examples) {
            Set<String> features = wordsAndPairs(example.getKey());
            if (features.isEmpty()) {
                continue;
            }
            int c = ids.indexOf(example.getValue());
            if (c < 0) {
                c = ids.size();
                ids.add(example.getValue());
                termCounts.add(new HashMap<>());
                exampleCounts.add(0);
            }
            exampleCounts.set(c, exampleCounts.get(c) + 1);
            Map<String, Integer> counts = termCounts.get(c);
            features.forEach(f -> counts.merge(f, 1, Integer::sum));
            vocabulary.addAll(features);
        }
        this.specialists = List.copyOf(ids);
        int n = ids.size();
        int total = exampleCounts.stream().mapToInt(Integer::intValue).sum();
        this.logPriors = new double[n];
        double[] denominators = new double[n];
        for (int c = 0; c < n; c++) {
            logPriors[c] = uniform ? -Math.log(n) : Math.log((double) exampleCounts.get(c) / total);
            int mass = termCounts.get(c).values().stream().mapToInt(Integer::intValue).sum();
            denominators[c] = mass + SMOOTHING * vocabulary.size();
        }
        Map<String, double[]> likelihoods = new HashMap<>();
        for (String term : vocabulary) {
            double[] l = new double[n];
            for (int c = 0; c < n; c++) {
                l[c] = Math.log((termCounts.get(c).getOrDefault(term, 0) + SMOOTHING) / denominators[c]);
            }
            likelihoods.put(term, l);
        }
        this.logLikelihoods = java.util.Collections.unmodifiableMap(likelihoods);
    }

    /**
     * The probability of each specialist given the task's content terms; empty when no example shares a term with it.
     */
    public Map<String, Double> probabilities(List<String> contentTerms) {
        return probabilitiesOf(wordsAndPairs(contentTerms));
    }

    /** {@link #probabilities} of a task whose {@link #wordsAndPairs} are already known. */
    public Map<String, Double> probabilitiesOf(Set<String> wordsAndPairs) {
        int n = specialists.size();
        double[] scores = logPriors.clone();
        boolean known = false;
        for (String feature : wordsAndPairs) {
            double[] l = logLikelihoods.get(feature);
            if (l != null) {
                known = true;
                for (int c = 0; c < n; c++) {
                    scores[c] += l[c];
                }
            }
        }
        if (!known) {
            return Map.of();
        }
        double max = Double.NEGATIVE_INFINITY;
        for (double s : scores) {
            max = Math.max(max, s);
        }
        double sum = 0;
        for (int c = 0; c < n; c++) {
            scores[c] = Math.exp(scores[c] - max);
            sum += scores[c];
        }
        Map<String, Double> out = new HashMap<>();
        for (int c = 0; c < n; c++) {
            out.put(specialists.get(c), scores[c] / sum);
        }
        return out;
    }

    /**
     * Words and adjacent word pairs, each once, words first: pairs catch what words alone miss ("logged out", "read
     * only"). What this classifier reads of a task, and what the kind classifier reads besides its signals.
     */
    public static Set<String> wordsAndPairs(List<String> terms) {
        Set<String> features = new LinkedHashSet<>(terms);
        for (int i = 1; i < terms.size(); i++) {
            features.add(terms.get(i - 1) + ' ' + terms.get(i));
        }
        return features;
    }
}

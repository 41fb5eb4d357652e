package dev.dispatcher.routing;

import dev.dispatcher.knowledge.ExampleClassifier;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * How likely a task is of each kind a team convention is about ({@code domain-failure}, {@code user-data},
 * {@code access-control}, or none of them), learned from the labelled examples' {@code kind}.
 *
 * <p>Two classifiers over the same features (the task's words, adjacent word pairs and evidence signals such as
 * "describes a failure" and "names one domain") are averaged: naive Bayes, which finds the kind from a single telling
 * word, and a logistic regression, which reads conjunctions (a failure AND one domain) that independent word counts
 * read poorly and is less sure of itself where the words say little. Features are numbered once for all examples
 * ({@link Vocabulary}), so training the five folds' classifiers costs milliseconds. Immutable once trained;
 * thread-safe.
 */
final class KindClassifier {

    private static final int EPOCHS = 30;
    private static final double RATE = 1.0;
    private static final double L2 = 1e-4;
    /** Additive smoothing of naive Bayes, as for the specialists' classifier. */
    private static final double SMOOTHING = 0.1;

    private final int kinds;
    private final Vocabulary vocabulary;
    /** Logistic regression weights, {@code [feature * kinds + kind]}. */
    private final double[] weights;
    private final double[] bias;
    /** Naive Bayes log-likelihoods, {@code [feature * kinds + kind]}; a feature no training example had is skipped. */
    private final double[] logLikelihoods;
    private final boolean[] seen;
    private final double[] logPriors;
    /** Softens naive Bayes, whose independent word counts make it surer than it is right (fitted on held-out folds). */
    private final double bayesTemperature;

    private KindClassifier(int kinds, Vocabulary vocabulary, double[] weights, double[] bias, double[] logLikelihoods,
                           boolean[] seen, double[] logPriors, double bayesTemperature) {
        this.kinds = kinds;
        this.vocabulary = vocabulary;
        this.weights = weights;
        this.bias = bias;
        this.logLikelihoods = logLikelihoods;
        this.seen = seen;
        this.logPriors = logPriors;
        this.bayesTemperature = bayesTemperature;
    }

    /**
     * Trains on examples.
     *
     * @param kinds      how many kinds; index 0 is "none of them"
     * @param vocabulary the numbering of every example's features
     * @param features   each example's feature numbers (see {@link #features})
     * @param labels     each example's kind index
     * @param bayesTemperature how much naive Bayes is softened ({@link #fitBayesTemperature}; 1: not at all)
     */
    static KindClassifier train(int kinds, Vocabulary vocabulary, List<int[]> features, List<Integer> labels,
                                double bayesTemperature) {
        int v = vocabulary.size();
        double[] weights = new double[v * kinds];
        double[] bias = new double[kinds];
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < features.size(); i++) {
            order.add(i);
        }
        Random random = new Random(7);
        double[] p = new double[kinds];
        for (int epoch = 0; epoch < EPOCHS; epoch++) {
            Collections.shuffle(order, random);
            double rate = RATE / (1 + epoch * 0.1);
            for (int i : order) {
                int[] f = features.get(i);
                double value = f.length == 0 ? 0 : 1 / Math.sqrt(f.length);
                logistic(f, value, weights, bias, kinds, p);
                p[labels.get(i)] -= 1;
                for (int c = 0; c < kinds; c++) {
                    bias[c] -= rate * p[c] * 0.1;
                }
                for (int feature : f) {
                    int at = feature * kinds;
                    for (int c = 0; c < kinds; c++) {
                        weights[at + c] -= rate * (p[c] * value + L2 * weights[at + c]);
                    }
                }
            }
        }
        // Naive Bayes: each example counts a feature once.
        double[] counts = new double[v * kinds];
        boolean[] seen = new boolean[v];
        double[] mass = new double[kinds];
        int[] perKind = new int[kinds];
        int distinct = 0;
        for (int i = 0; i < features.size(); i++) {
            int kind = labels.get(i);
            perKind[kind]++;
            for (int feature : features.get(i)) {
                counts[feature * kinds + kind]++;
                mass[kind]++;
                if (!seen[feature]) {
                    seen[feature] = true;
                    distinct++;
                }
            }
        }
        double[] logLikelihoods = new double[v * kinds];
        for (int feature = 0; feature < v; feature++) {
            if (seen[feature]) {
                for (int c = 0; c < kinds; c++) {
                    logLikelihoods[feature * kinds + c] = Math.log((counts[feature * kinds + c] + SMOOTHING) / (mass[c] + SMOOTHING * distinct));
                }
            }
        }
        double[] logPriors = new double[kinds];
        for (int c = 0; c < kinds; c++) {
            logPriors[c] = Math.log((perKind[c] + 1.0) / (features.size() + kinds));
        }
        return new KindClassifier(kinds, vocabulary, weights, bias, logLikelihoods, seen, logPriors, bayesTemperature);
    }

    /**
     * The naive Bayes temperature that makes the averaged classifiers' held-out probabilities most likely: each fold of
     * the examples is classified by classifiers trained on the other folds. Naive Bayes counts correlated words as
     * independent evidence, so on its own it is near-certain of a kind from one telling word ("datetime columns on
     * MySQL" read as a failure); a convention's roles then move on tasks that are not of its kind.
     */
    static double fitBayesTemperature(int kinds, Vocabulary vocabulary, List<int[]> features, List<Integer> labels) {
        // The folds are independent: trained in parallel, then read in fold order so the fit is the same every time.
        List<HeldOut> folds = java.util.stream.IntStream.range(0, ModelTraining.FOLDS).parallel()
                .mapToObj(f -> heldOut(f, kinds, vocabulary, features, labels)).toList();
        List<double[]> logistic = new ArrayList<>();
        List<double[]> bayes = new ArrayList<>();
        List<Integer> heldOutLabels = new ArrayList<>();
        for (HeldOut fold : folds) {
            logistic.addAll(fold.logistic());
            bayes.addAll(fold.bayes());
            heldOutLabels.addAll(fold.labels());
        }
        if (heldOutLabels.isEmpty()) {
            return 1.0;
        }
        return ModelTraining.bestTemperature(t -> heldOutLoss(logistic, bayes, heldOutLabels, t), 0.5, 20, 40);
    }

    /** One fold's examples as classified by classifiers trained on the other folds. */
    private record HeldOut(List<double[]> logistic, List<double[]> bayes, List<Integer> labels) {}

    private static HeldOut heldOut(int fold, int kinds, Vocabulary vocabulary, List<int[]> features, List<Integer> labels) {
        List<int[]> trainFeatures = new ArrayList<>();
        List<Integer> trainLabels = new ArrayList<>();
        for (int i = 0; i < features.size(); i++) {
            if (ModelTraining.foldOf(i) != fold) {
                trainFeatures.add(features.get(i));
                trainLabels.add(labels.get(i));
            }
        }
        HeldOut out = new HeldOut(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        if (trainFeatures.isEmpty()) {
            return out;
        }
        KindClassifier trained = train(kinds, vocabulary, trainFeatures, trainLabels, 1.0);
        for (int i = 0; i < features.size(); i++) {
            if (ModelTraining.foldOf(i) == fold) {
                out.logistic().add(trained.logisticProbabilities(features.get(i), features.get(i).length));
                out.bayes().add(trained.bayesLogScores(features.get(i)));
                out.labels().add(labels.get(i));
            }
        }
        return out;
    }

    private static double heldOutLoss(List<double[]> logistic, List<double[]> bayes, List<Integer> labels, double temperature) {
        double loss = 0;
        for (int i = 0; i < labels.size(); i++) {
            double[] nb = bayes.get(i);
            double[] lr = logistic.get(i);
            int y = labels.get(i);
            double p = nb == null ? lr[y] : (lr[y] + ModelTraining.softmax(nb, temperature)[y]) / 2;
            loss -= Math.log(Math.max(1e-12, p));
        }
        return loss;
    }

    /** The logistic regression's probabilities; each known feature weighs 1 / sqrt(how many features the task has). */
    private double[] logisticProbabilities(int[] f, int featureCount) {
        double[] lr = new double[kinds];
        logistic(f, featureCount == 0 ? 0 : 1 / Math.sqrt(featureCount), weights, bias, kinds, lr);
        return lr;
    }

    /** Naive Bayes log scores, or {@code null} when no feature was seen in training. */
    private double[] bayesLogScores(int[] f) {
        double[] nb = logPriors.clone();
        boolean known = false;
        for (int feature : f) {
            if (seen[feature]) {
                known = true;
                for (int c = 0; c < kinds; c++) {
                    nb[c] += logLikelihoods[feature * kinds + c];
                }
            }
        }
        return known ? nb : null;
    }

    /** The probability of each kind (index 0: none of them) for a task's features. */
    double[] probabilities(List<String> features) {
        int[] f = vocabulary.numbers(features);
        double[] lr = logisticProbabilities(f, f.length == 0 ? 0 : features.size());
        double[] nb = bayesLogScores(f);
        double[] out = new double[kinds];
        double[] bayes = nb != null ? ModelTraining.softmax(nb, bayesTemperature) : lr;
        for (int c = 0; c < kinds; c++) {
            out[c] = (lr[c] + bayes[c]) / 2;
        }
        return out;
    }

    private static void logistic(int[] f, double value, double[] weights, double[] bias, int kinds, double[] out) {
        double[] s = bias.clone();
        for (int feature : f) {
            int at = feature * kinds;
            for (int c = 0; c < kinds; c++) {
                s[c] += value * weights[at + c];
            }
        }
        double[] p = ModelTraining.softmax(s, 1.0);
        System.arraycopy(p, 0, out, 0, kinds);
    }

    /** A task's features for this classifier: its words, adjacent word pairs and its evidence signals. */
    static List<String> features(List<String> contentTerms, List<String> signals) {
        return features(ExampleClassifier.wordsAndPairs(contentTerms), signals);
    }

    /** {@link #features(List, List)} of a task whose words and pairs are already known. */
    static List<String> features(Set<String> wordsAndPairs, List<String> signals) {
        Set<String> out = new LinkedHashSet<>(wordsAndPairs);
        signals.forEach(s -> out.add(ExampleEvidence.SIGNAL + s));
        return List.copyOf(out);
    }

    /** Numbers for the features the examples have; a task's other features are ignored. Immutable. */
    static final class Vocabulary {

        private final Map<String, Integer> numbers;

        private Vocabulary(Map<String, Integer> numbers) {
            this.numbers = numbers;
        }

        static Vocabulary of(List<List<String>> examples) {
            Map<String, Integer> numbers = new HashMap<>();
            for (List<String> features : examples) {
                for (String f : features) {
                    numbers.putIfAbsent(f, numbers.size());
                }
            }
            return new Vocabulary(Map.copyOf(numbers));
        }

        int size() {
            return numbers.size();
        }

        int[] numbers(List<String> features) {
            int[] out = new int[features.size()];
            int n = 0;
            for (String f : features) {
                Integer number = numbers.get(f);
                if (number != null) {
                    out[n++] = number;
                }
            }
            return n == out.length ? out : java.util.Arrays.copyOf(out, n);
        }
    }
}

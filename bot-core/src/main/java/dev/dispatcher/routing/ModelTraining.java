package dev.dispatcher.routing;

import java.util.ArrayList;
import java.util.List;

/**
 * Trains the learned model on the labelled examples at start-up: softmax regression over {@link ModelFeatures}, each
 * example scored with evidence from the other folds of a five-fold split (its own nearest-neighbour vote would
 * otherwise teach the model that neighbours are always right), pulled towards a prior in which every kind of evidence
 * counts once and each convention's owner is preferred. The same folds give held-out scores, on which the temperature
 * that calibrates confidence is fitted.
 */
final class ModelTraining {

    static final int FOLDS = 5;
    private static final int EPOCHS = 12;
    private static final double RATE = 0.05;
    private static final double SHRINK = 0.02;
    /** Batch training moves every group; words least, as naive Bayes already reads them. */
    private static final LinearModel.LearningRates TRAINING = new LinearModel.LearningRates(0.2, 1.0, 0.5, 0.5, 0);
    /** The prior's preference for a convention's owner over its alternative, in score units. */
    static final double OWNER_PRIOR = 2.0;

    private ModelTraining() {}

    /** An example with the features it has when scored by evidence that never saw it. */
    record Scored(ModelFeatures features, int label, double weight) {}

    /** The prior every model starts from: evidence counted as configured, owners preferred, no word weights. */
    static LinearModel prior(int specialists, Conventions conventions) {
        double[] evidence = new double[TaskAnalysis.EvidenceKind.values().length];
        java.util.Arrays.fill(evidence, 1.0);
        double[] roles = new double[2 * conventions.size()];
        for (int j = 0; j < conventions.size(); j++) {
            roles[2 * j] = OWNER_PRIOR;
        }
        return new LinearModel(specialists, evidence, roles);
    }

    /** Trains a model on scored examples. */
    static LinearModel train(List<Scored> examples, LinearModel prior) {
        LinearModel model = prior.copy();
        if (examples.isEmpty()) {
            return model;
        }
        List<Scored> order = new ArrayList<>(examples);
        java.util.Random random = new java.util.Random(42);
        for (int epoch = 0; epoch < EPOCHS; epoch++) {
            java.util.Collections.shuffle(order, random);
            double rate = RATE / (1 + epoch * 0.5);
            for (Scored e : order) {
                double[] p = softmax(model.scores(e.features()), 1.0);
                p[e.label()] -= 1;
                model.trainingStep(e.features(), p, rate * e.weight(), TRAINING);
            }
            model.shrinkTowards(prior, SHRINK);
        }
        return model;
    }

    /** Fold of the {@code i}th example: deterministic and spread evenly over the file. */
    static int foldOf(int i) {
        return i % FOLDS;
    }

    /** The temperature that makes held-out probabilities most likely (a golden-section search over its logarithm). */
    static double fitTemperature(List<double[]> scores, List<Integer> labels) {
        if (scores.isEmpty()) {
            return 1.0;
        }
        return bestTemperature(t -> negativeLogLikelihood(scores, labels, t), 0.05, 20, 60);
    }

    /**
     * The temperature between {@code from} and {@code to} with the least {@code loss}: a golden-section search over
     * its logarithm ({@code steps} narrowings), for a loss with one minimum.
     */
    static double bestTemperature(java.util.function.DoubleUnaryOperator loss, double from, double to, int steps) {
        double lo = Math.log(from);
        double hi = Math.log(to);
        double ratio = (Math.sqrt(5) - 1) / 2;
        for (int i = 0; i < steps; i++) {
            double a = hi - ratio * (hi - lo);
            double b = lo + ratio * (hi - lo);
            if (loss.applyAsDouble(Math.exp(a)) < loss.applyAsDouble(Math.exp(b))) {
                hi = b;
            } else {
                lo = a;
            }
        }
        return Math.exp((lo + hi) / 2);
    }

    private static double negativeLogLikelihood(List<double[]> scores, List<Integer> labels, double temperature) {
        double total = 0;
        for (int i = 0; i < scores.size(); i++) {
            double[] p = softmax(scores.get(i), temperature);
            total -= Math.log(Math.max(1e-12, p[labels.get(i)]));
        }
        return total;
    }

    /** Probabilities from scores at a temperature. */
    static double[] softmax(double[] scores, double temperature) {
        double max = Double.NEGATIVE_INFINITY;
        for (double s : scores) {
            max = Math.max(max, s);
        }
        double[] p = new double[scores.length];
        double sum = 0;
        for (int c = 0; c < scores.length; c++) {
            p[c] = Math.exp((scores[c] - max) / temperature);
            sum += p[c];
        }
        for (int c = 0; c < scores.length; c++) {
            p[c] /= sum;
        }
        return p;
    }
}

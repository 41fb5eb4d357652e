package dev.dispatcher.routing;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The learned part of routing: a linear score per specialist over {@link ModelFeatures}, trained on the labelled
 * examples at start-up and moved by every correction a team makes.
 *
 * <p>A correction is applied as a passive-aggressive step (Crammer et al., 2006): just large enough for the corrected
 * specialist to beat the one the router chose by a margin, never larger than the correction's weight allows, and
 * spread over the feature groups by their learning rates, so that what a kind of request shares (its convention
 * role) moves more than the words of one sentence. A team's stray click therefore leans a kind a little, and a
 * handful of corrections of the same kind turn it.
 *
 * <p>Thread-safe for one writer and many readers: each weight vector is replaced whole, so a reader sees every weight
 * either before or after an update, and a router never waits for learning.
 */
public final class LinearModel {

    /**
     * The seed's rule that a failure naming several domains goes to their coordinator counts as configured
     * ({@code crossDomainBonus}): the examples, few of which name several domains, must not learn it away.
     */
    private static final int FIXED_EVIDENCE = TaskAnalysis.EvidenceKind.CROSS_DOMAIN.ordinal();

    /** How far the corrected specialist must beat the chosen one after a correction, in score units. */
    static final double MARGIN = 2.0;

    private final int specialists;
    private volatile double[] evidenceWeights;
    private volatile double[] roleWeights;
    private final Map<String, double[]> sparse;

    LinearModel(int specialists, double[] evidenceWeights, double[] roleWeights) {
        this(specialists, evidenceWeights, roleWeights, new ConcurrentHashMap<>());
    }

    private LinearModel(int specialists, double[] evidenceWeights, double[] roleWeights, Map<String, double[]> sparse) {
        this.specialists = specialists;
        this.evidenceWeights = evidenceWeights.clone();
        this.roleWeights = roleWeights.clone();
        this.sparse = sparse;
    }

    /** An independent copy, for a team's model that starts from the trained one. */
    LinearModel copy() {
        Map<String, double[]> weights = new ConcurrentHashMap<>(Math.max(16, sparse.size() * 2));
        sparse.forEach((k, v) -> weights.put(k, v.clone()));
        return new LinearModel(specialists, evidenceWeights, roleWeights, weights);
    }

    /** The score of every specialist. */
    double[] scores(ModelFeatures f) {
        double[] s = new double[specialists];
        double[] e = evidenceWeights;
        for (int k = 0; k < e.length; k++) {
            double[] row = f.evidence[k];
            for (int c = 0; c < specialists; c++) {
                s[c] += e[k] * row[c];
            }
        }
        double[] r = roleWeights;
        for (int k = 0; k < r.length && k < f.roles.length; k++) {
            double[] row = f.roles[k];
            for (int c = 0; c < specialists; c++) {
                s[c] += r[k] * row[c];
            }
        }
        for (int i = 0; i < f.keys.length; i++) {
            double[] w = sparse.get(f.keys[i]);
            if (w != null) {
                double v = f.values[i];
                for (int c = 0; c < specialists; c++) {
                    s[c] += v * w[c];
                }
            }
        }
        return s;
    }

    /**
     * Learns from one correction: the task should have gone to {@code right}.
     *
     * @param f      the task's features
     * @param right  index of the specialist it was corrected to
     * @param weight how much the correction counts (agreement, trust), 0 to 1
     * @param rates  how far each feature group moves
     * @return whether anything changed
     */
    boolean correct(ModelFeatures f, int right, double weight, LearningRates rates) {
        if (weight <= 0) {
            return false;
        }
        double[] s = scores(f);
        int wrong = -1;
        for (int c = 0; c < specialists; c++) {
            if (c != right && (wrong < 0 || s[c] > s[wrong])) {
                wrong = c;
            }
        }
        double loss = MARGIN - (s[right] - s[wrong]);
        if (wrong < 0 || loss <= 0) {
            return false;
        }
        double norm = 0;
        for (int k = 0; k < f.evidence.length; k++) {
            if (k != FIXED_EVIDENCE) {
                norm += rates.evidence() * square(f.evidence[k][right] - f.evidence[k][wrong]);
            }
        }
        boolean[] taught = conventionsTaught(f, right);
        for (int k = 0; k < f.roles.length; k++) {
            if (taught[k / 2]) {
                norm += rates.roles() * square(f.roles[k][right] - f.roles[k][wrong]);
            }
        }
        for (int i = 0; i < f.values.length; i++) {
            norm += rates.sparseRate(f.keys[i]) * 2 * f.values[i] * f.values[i];
        }
        if (norm <= 0) {
            return false;
        }
        double tau = Math.min(rates.aggressiveness() * weight, loss / norm);
        step(f, right, tau, rates, taught);
        step(f, wrong, -tau, rates, taught);
        return true;
    }

    /**
     * Which conventions a correction to {@code right} teaches: those whose owner or alternative it is for this task. A
     * correction to anyone else says nothing about who of the two should own the kind (a profile request the kind
     * classifier took for a failure in the auth domain, corrected to the API specialist, is not a lesson that failures
     * leave their domain's owner), so it must not move that kind's roles for every other request.
     */
    private static boolean[] conventionsTaught(ModelFeatures f, int right) {
        boolean[] taught = new boolean[(f.roles.length + 1) / 2];
        for (int k = 0; k < f.roles.length; k++) {
            taught[k / 2] |= f.roles[k][right] > 0;
        }
        return taught;
    }

    /**
     * Moves the weights towards (positive {@code amount}) or away from one specialist for these features, the roles
     * only of the conventions {@code taught}.
     */
    private void step(ModelFeatures f, int specialist, double amount, LearningRates rates, boolean[] taught) {
        if (rates.evidence() > 0) {
            double[] e = evidenceWeights.clone();
            for (int k = 0; k < e.length; k++) {
                if (k != FIXED_EVIDENCE) {
                    e[k] += amount * rates.evidence() * f.evidence[k][specialist];
                }
            }
            evidenceWeights = e;
        }
        if (rates.roles() > 0 && f.roles.length > 0) {
            double[] r = roleWeights.clone();
            for (int k = 0; k < r.length && k < f.roles.length; k++) {
                if (taught[k / 2]) {
                    r[k] += amount * rates.roles() * f.roles[k][specialist];
                }
            }
            roleWeights = r;
        }
        for (int i = 0; i < f.keys.length; i++) {
            double rate = rates.sparseRate(f.keys[i]);
            if (rate > 0) {
                double[] old = sparse.get(f.keys[i]);
                double[] w = old == null ? new double[specialists] : old.clone();
                w[specialist] += amount * rate * f.values[i];
                sparse.put(f.keys[i], w);
            }
        }
    }

    /**
     * One gradient step of batch training, in place: only for training a model no router reads yet.
     *
     * @param gradient per specialist, how far to move away from it (softmax probability minus target)
     */
    void trainingStep(ModelFeatures f, double[] gradient, double rate, LearningRates rates) {
        double[] e = evidenceWeights;
        double[] r = roleWeights;
        for (int c = 0; c < specialists; c++) {
            double g = gradient[c] * rate;
            if (Math.abs(g) < 1e-6) {
                continue;
            }
            for (int k = 0; k < e.length; k++) {
                if (k != FIXED_EVIDENCE) {
                    e[k] -= g * rates.evidence() * f.evidence[k][c];
                }
            }
            for (int k = 0; k < r.length && k < f.roles.length; k++) {
                r[k] -= g * rates.roles() * f.roles[k][c];
            }
        }
        for (int i = 0; i < f.keys.length; i++) {
            double groupRate = rates.sparseRate(f.keys[i]);
            if (groupRate > 0) {
                double[] w = sparse.computeIfAbsent(f.keys[i], k -> new double[specialists]);
                double v = f.values[i] * rate * groupRate;
                for (int c = 0; c < specialists; c++) {
                    w[c] -= gradient[c] * v;
                }
            }
        }
    }

    /** Pulls every weight a little towards {@code prior} (L2 regularisation of batch training). */
    void shrinkTowards(LinearModel prior, double factor) {
        double[] e = evidenceWeights.clone();
        for (int k = 0; k < e.length; k++) {
            e[k] -= factor * (e[k] - prior.evidenceWeights[k]);
        }
        evidenceWeights = e;
        double[] r = roleWeights.clone();
        for (int k = 0; k < r.length; k++) {
            r[k] -= factor * (r[k] - prior.roleWeights[k]);
        }
        roleWeights = r;
        sparse.replaceAll((key, w) -> {
            double[] out = w.clone();
            for (int c = 0; c < out.length; c++) {
                out[c] *= 1 - factor;
            }
            return out;
        });
    }

    double[] evidenceWeights() {
        return evidenceWeights.clone();
    }

    double[] roleWeights() {
        return roleWeights.clone();
    }

    int sparseSize() {
        return sparse.size();
    }

    private static double square(double v) {
        return v * v;
    }

    /**
     * How a correction moves the model.
     *
     * @param evidence       learning rate of the shared evidence weights
     * @param roles          learning rate of the convention roles
     * @param sparse         learning rate of the per-specialist words, keywords and sections
     * @param bias           learning rate of the per-specialist bias
     * @param aggressiveness the largest step one fully weighted correction may take
     */
    public record LearningRates(double evidence, double roles, double sparse, double bias, double aggressiveness) {

        double sparseRate(String key) {
            return ModelFeatures.BIAS.equals(key) ? bias : sparse;
        }
    }
}

package dev.dispatcher.routing;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The learned model's view of one task, for every specialist at once: the evidence scores (weights shared by all
 * specialists, so the model learns how much each kind of evidence counts), the convention roles (is this specialist
 * the owner or the alternative of a kind the task probably is), and sparse features whose weights are per specialist
 * (the analysed terms, the keywords and patterns matched, the best knowledge-base section, a bias).
 *
 * <p>Role features are what let one correction teach a kind: "this database failure belongs to troubleshooting" moves
 * the weight of "troubleshooting is the alternative for a domain failure", which every domain failure shares.
 */
final class ModelFeatures {

    static final String BIAS = "b";

    /** Per evidence kind, per specialist. */
    final double[][] evidence;
    /** Per role (owner and alternative of each convention kind, in that order), per specialist. */
    final double[][] roles;
    /** Sparse feature keys and their values; the same for every specialist, weighted per specialist. */
    final String[] keys;
    final double[] values;

    private ModelFeatures(double[][] evidence, double[][] roles, String[] keys, double[] values) {
        this.evidence = evidence;
        this.roles = roles;
        this.keys = keys;
        this.values = values;
    }

    /** The features of an analysed task under a team's conventions. */
    static ModelFeatures of(TaskAnalysis analysis, Conventions conventions, List<Specialist> specialists, Keys shared) {
        int n = specialists.size();
        double[][] roles = new double[2 * conventions.size()][n];
        String domain = analysis.namedDomain() < 0 ? null : specialists.get(analysis.namedDomain()).id();
        for (int j = 0; j < conventions.size(); j++) {
            double p = j < analysis.kindProbabilities().length ? roleStrength(analysis.kindProbabilities()[j]) : 0;
            if (p <= 0) {
                continue;
            }
            Conventions.Convention convention = conventions.kinds().get(j);
            setRole(roles[2 * j], indexOf(specialists, convention.ownerFor(domain)), p);
            setRole(roles[2 * j + 1], indexOf(specialists, convention.alternativeFor(domain)), p);
        }
        Set<String> terms = new LinkedHashSet<>(analysis.contentTerms());
        List<String> keywords = new ArrayList<>();
        analysis.keywords().forEach(list -> list.forEach(k -> keywords.add(shared.keywords().of(k, name -> "k:" + name))));
        String section = bestSection(analysis);
        int size = terms.size() + keywords.size() + (section == null ? 0 : 1) + 1;
        String[] keys = new String[size];
        double[] values = new double[size];
        int i = 0;
        double termValue = terms.isEmpty() ? 0 : 1 / Math.sqrt(terms.size());
        for (String term : terms) {
            keys[i] = shared.terms().of(term, name -> "t:" + name);
            values[i++] = termValue;
        }
        double keywordValue = keywords.isEmpty() ? 0 : 1 / Math.sqrt(keywords.size());
        for (String keyword : keywords) {
            keys[i] = keyword;
            values[i++] = keywordValue;
        }
        if (section != null) {
            keys[i] = section;
            values[i++] = 0.5;
        }
        keys[i] = BIAS;
        values[i] = 0.25;
        return new ModelFeatures(analysis.evidence(), roles, keys, values);
    }

    /**
     * The shared instances of feature keys, so the model's weights are found by the very key they are stored under,
     * its hash known, instead of a string built and hashed for every route; kept while the model is trained.
     */
    record Keys(SharedStrings terms, SharedStrings keywords) {

        Keys() {
            this(new SharedStrings(), new SharedStrings());
        }

        /** Keeps no new keys: the model is trained. */
        void close() {
            terms.close();
            keywords.close();
        }
    }

    /** Whether the failure-across-domains rule gave its bonus to these features' task. */
    boolean crossDomain() {
        for (double bonus : evidence[TaskAnalysis.EvidenceKind.CROSS_DOMAIN.ordinal()]) {
            if (bonus > 0) {
                return true;
            }
        }
        return false;
    }

    /** Below this probability of a kind, a task takes the kind's roles more weakly than its probability says. */
    private static final double CONFIDENT_KIND = 0.8;

    /**
     * How strongly a task takes a convention role, from how likely it is of that kind: its probability when the kind
     * classifier is confident, less (a square through the same point) when it merely suspects the kind, so that a
     * request that only looks like a domain failure moves little when a team teaches what domain failures are.
     */
    static double roleStrength(double probability) {
        return probability < CONFIDENT_KIND ? probability * probability / CONFIDENT_KIND : probability;
    }

    private static void setRole(double[] row, int specialist, double value) {
        if (specialist >= 0) {
            row[specialist] = value;
        }
    }

    private static int indexOf(List<Specialist> specialists, String id) {
        if (id == null) {
            return -1;
        }
        for (int i = 0; i < specialists.size(); i++) {
            if (specialists.get(i).id().equals(id)) {
                return i;
            }
        }
        return -1;
    }

    /** The knowledge-base section that matched best of all, as a feature key, or {@code null}. */
    private static String bestSection(TaskAnalysis analysis) {
        return analysis.bestSections().values().stream()
                .max(java.util.Comparator.comparingDouble(dev.dispatcher.knowledge.SectionIndex.Match::score))
                .map(m -> "s:" + m.section().specialistId() + "#" + m.section().heading())
                .orElse(null);
    }
}

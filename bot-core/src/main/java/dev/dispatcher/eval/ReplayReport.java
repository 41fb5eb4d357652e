package dev.dispatcher.eval;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * What a learning replay shows a team: accuracy overall and per quarter of the file beside the same replay without
 * learning and the seed baseline, how many corrections were made, and, per kind of request, how many corrections it
 * took before that kind stopped being missed. The text's last line is {@code accuracy 0.XXX (HITS/TOTAL)} for the
 * learning replay, like {@code eval}'s.
 */
public final class ReplayReport {

    /** Corrections after which a kind should follow the team's convention. */
    static final int HANDFUL = 10;

    private static final ObjectMapper JSON = new ObjectMapper();

    private ReplayReport() {}

    /**
     * One kind of request in a replay.
     *
     * @param kind            the file's {@code kind}, or the expected specialist when the file names no kinds
     * @param requests        how many requests of this kind the file holds
     * @param missed          how many of them were missed when they arrived
     * @param corrections     how many of them were corrected
     * @param learnedAfter    corrections of this kind up to and including its last miss; {@code null} when its last
     *                        request was still missed (not learned within the file)
     * @param followAfterHandful share of the requests of this kind that arrived after its {@value #HANDFUL}th
     *                        correction (or after its last, when it took fewer) and were routed right; {@code null}
     *                        when none arrived after
     * @param othersLearning  accuracy on every other request, with learning
     * @param othersCold      accuracy on every other request, without learning
     */
    public record Kind(String kind, int requests, int missed, int corrections, Integer learnedAfter,
                       Double followAfterHandful, double othersLearning, double othersCold) {}

    /** Per-kind figures of a replay, kinds in order of first appearance. */
    public static List<Kind> kinds(List<LearningReplay.Step> learning, List<LearningReplay.Step> cold) {
        boolean fileHasKinds = learning.stream().anyMatch(s -> s.evalCase().kind() != null);
        Function<EvalCase, String> kindOf = fileHasKinds
                ? c -> c.kind() == null ? "(none)" : c.kind()
                : EvalCase::label;
        Map<String, List<Integer>> positions = new LinkedHashMap<>();
        for (int i = 0; i < learning.size(); i++) {
            positions.computeIfAbsent(kindOf.apply(learning.get(i).evalCase()), k -> new ArrayList<>()).add(i);
        }
        List<Kind> kinds = new ArrayList<>();
        positions.forEach((kind, at) -> {
            int missed = 0;
            int corrections = 0;
            Integer learnedAfter = 0;
            int handfulAt = -1;
            for (int p : at) {
                LearningReplay.Step step = learning.get(p);
                if (!step.hit()) {
                    missed++;
                }
                if (step.corrected()) {
                    corrections++;
                    if (corrections <= HANDFUL) {
                        handfulAt = p;
                    }
                }
                if (!step.hit()) {
                    learnedAfter = step.corrected() ? corrections : null;
                }
            }
            int lastPosition = at.get(at.size() - 1);
            if (!learning.get(lastPosition).hit()) {
                learnedAfter = null;
            }
            int after = 0;
            int followed = 0;
            for (int p : at) {
                if (p > handfulAt) {
                    after++;
                    followed += learning.get(p).hit() ? 1 : 0;
                }
            }
            kinds.add(new Kind(kind, at.size(), missed, corrections, learnedAfter,
                    after == 0 ? null : followed / (double) after,
                    accuracyOutside(learning, at), accuracyOutside(cold, at)));
        });
        return kinds;
    }

    private static double accuracyOutside(List<LearningReplay.Step> steps, List<Integer> excluded) {
        java.util.Set<Integer> skip = new java.util.HashSet<>(excluded);
        int n = 0;
        int hits = 0;
        for (int i = 0; i < steps.size(); i++) {
            if (!skip.contains(i)) {
                n++;
                hits += steps.get(i).hit() ? 1 : 0;
            }
        }
        return n == 0 ? 1 : hits / (double) n;
    }

    static double accuracy(List<LearningReplay.Step> steps, int from, int to) {
        if (to <= from) {
            return 0;
        }
        long hits = steps.subList(from, to).stream().filter(LearningReplay.Step::hit).count();
        return hits / (double) (to - from);
    }

    static double seedAccuracy(List<Boolean> seedHits, int from, int to) {
        if (to <= from) {
            return 0;
        }
        long hits = seedHits.subList(from, to).stream().filter(Boolean::booleanValue).count();
        return hits / (double) (to - from);
    }

    /** The report as text. */
    public static String text(String file, boolean shuffled, List<Boolean> seedHits, List<LearningReplay.Step> cold,
                              List<LearningReplay.Step> learning) {
        int n = learning.size();
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "learning replay of %s: %d requests, %s%n%n", file, n,
                shuffled ? "shuffled" : "in file order"));
        out.append(String.format(Locale.ROOT, "%-24s %8s %12s %10s%n", "", "seed", "no learning", "learning"));
        out.append(row("accuracy", seedAccuracy(seedHits, 0, n), accuracy(cold, 0, n), accuracy(learning, 0, n)));
        for (int q = 0; q < 4; q++) {
            int from = q * n / 4;
            int to = (q + 1) * n / 4;
            out.append(row(String.format(Locale.ROOT, "  quarter %d (%d-%d)", q + 1, from + 1, to),
                    seedAccuracy(seedHits, from, to), accuracy(cold, from, to), accuracy(learning, from, to)));
        }
        long corrections = learning.stream().filter(LearningReplay.Step::corrected).count();
        out.append(String.format(Locale.ROOT, "%-24s %8s %12s %10d%n%n", "corrections made", "", "", corrections));
        out.append(String.format(Locale.ROOT, "%-30s %8s %7s %11s %14s %15s %15s%n", "kind", "requests", "missed",
                "corrections", "learned after", "follow after " + HANDFUL, "others (cold)"));
        for (Kind k : kinds(learning, cold)) {
            out.append(String.format(Locale.ROOT, "%-30s %8d %7d %11d %14s %15s %15s%n", k.kind(), k.requests(), k.missed(),
                    k.corrections(), k.learnedAfter() == null ? "not learned" : k.learnedAfter() + " corr.",
                    k.followAfterHandful() == null ? "-" : String.format(Locale.ROOT, "%.3f", k.followAfterHandful()),
                    String.format(Locale.ROOT, "%.3f (%.3f)", k.othersLearning(), k.othersCold())));
        }
        long hits = learning.stream().filter(LearningReplay.Step::hit).count();
        out.append(String.format(Locale.ROOT, "%naccuracy %.3f (%d/%d)", hits / (double) n, hits, n));
        return out.toString();
    }

    /** The same figures as one JSON object. */
    public static ObjectNode json(String file, boolean shuffled, List<Boolean> seedHits, List<LearningReplay.Step> cold,
                                  List<LearningReplay.Step> learning) {
        int n = learning.size();
        ObjectNode root = JSON.createObjectNode();
        root.put("file", file);
        root.put("requests", n);
        root.put("shuffled", shuffled);
        ObjectNode accuracy = root.putObject("accuracy");
        accuracy.put("seed", round(seedAccuracy(seedHits, 0, n)));
        accuracy.put("noLearning", round(accuracy(cold, 0, n)));
        accuracy.put("learning", round(accuracy(learning, 0, n)));
        ArrayNode quarters = root.putArray("quarters");
        for (int q = 0; q < 4; q++) {
            int from = q * n / 4;
            int to = (q + 1) * n / 4;
            quarters.addObject().put("from", from + 1).put("to", to)
                    .put("seed", round(seedAccuracy(seedHits, from, to)))
                    .put("noLearning", round(accuracy(cold, from, to)))
                    .put("learning", round(accuracy(learning, from, to)));
        }
        root.put("corrections", learning.stream().filter(LearningReplay.Step::corrected).count());
        ArrayNode kinds = root.putArray("kinds");
        for (Kind k : kinds(learning, cold)) {
            ObjectNode node = kinds.addObject().put("kind", k.kind()).put("requests", k.requests()).put("missed", k.missed())
                    .put("corrections", k.corrections());
            if (k.learnedAfter() == null) {
                node.putNull("learnedAfterCorrections");
            } else {
                node.put("learnedAfterCorrections", k.learnedAfter());
            }
            if (k.followAfterHandful() == null) {
                node.putNull("followAfter" + HANDFUL);
            } else {
                node.put("followAfter" + HANDFUL, round(k.followAfterHandful()));
            }
            node.put("othersLearning", round(k.othersLearning())).put("othersNoLearning", round(k.othersCold()));
        }
        long hits = learning.stream().filter(LearningReplay.Step::hit).count();
        root.put("hits", hits);
        root.put("total", n);
        return root;
    }

    private static String row(String label, double seed, double cold, double learning) {
        return String.format(Locale.ROOT, "%-24s %8.3f %12.3f %10.3f%n", label, seed, cold, learning);
    }

    private static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }
}

package dev.dispatcher.eval;

import dev.dispatcher.routing.Router;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Scores a router on labelled cases: accuracy (a hit is the label or one of its "also" specialists), per-specialist
 * precision and recall, and the confusion matrix.
 *
 * <p>For precision, recall and the matrix, a hit on an "also" specialist counts as that specialist being the truth,
 * so an acceptable answer is never shown as a confusion.
 */
public final class Evaluation {

    private Evaluation() {}

    public static Result run(String name, Router router, List<EvalCase> cases, List<String> specialists) {
        Map<String, Map<String, Integer>> matrix = new LinkedHashMap<>();
        specialists.forEach(s -> matrix.put(s, new LinkedHashMap<>()));
        List<Miss> misses = new ArrayList<>();
        int hits = 0;
        for (EvalCase c : cases) {
            String routed = router.route(c.text()).specialist();
            String truth = c.accepts(routed) ? routed : c.label();
            if (c.accepts(routed)) {
                hits++;
            } else {
                misses.add(new Miss(c, routed));
            }
            matrix.computeIfAbsent(truth, k -> new LinkedHashMap<>()).merge(routed, 1, Integer::sum);
        }
        List<ClassScore> perClass = new ArrayList<>();
        for (String s : matrix.keySet()) {
            int truePositives = matrix.get(s).getOrDefault(s, 0);
            int actual = matrix.get(s).values().stream().mapToInt(Integer::intValue).sum();
            int predicted = matrix.values().stream().mapToInt(row -> row.getOrDefault(s, 0)).sum();
            perClass.add(new ClassScore(s, actual, predicted, truePositives));
        }
        return new Result(name, cases.size(), hits, perClass, matrix, misses);
    }

    /** One specialist's figures: how often it was the truth, how often it was predicted, and both at once. */
    public record ClassScore(String specialist, int actual, int predicted, int truePositives) {
        public Double precision() {
            return predicted == 0 ? null : truePositives / (double) predicted;
        }

        public Double recall() {
            return actual == 0 ? null : truePositives / (double) actual;
        }
    }

    /** A case the router got wrong. */
    public record Miss(EvalCase evalCase, String routedTo) {}

    /** Everything measured for one router. */
    public record Result(String router, int total, int hits, List<ClassScore> perClass,
                         Map<String, Map<String, Integer>> confusion, List<Miss> misses) {
        public double accuracy() {
            return total == 0 ? 0 : hits / (double) total;
        }
    }
}

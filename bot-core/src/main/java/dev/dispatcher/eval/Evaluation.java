package dev.dispatcher.eval;

import dev.dispatcher.routing.FallbackReason;
import dev.dispatcher.routing.Router;
import dev.dispatcher.routing.RoutingDecision;
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
        List<Double> confidences = new ArrayList<>();
        List<Boolean> rights = new ArrayList<>();
        int hits = 0;
        int named = 0;
        int withAlternates = 0;
        int clarifications = 0;
        int rightToAsk = 0;
        for (EvalCase c : cases) {
            RoutingDecision decision = router.route(c.text());
            String routed = decision.specialist();
            String truth = c.accepts(routed) ? routed : c.label();
            boolean hit = c.accepts(routed);
            if (hit) {
                hits++;
            } else {
                misses.add(new Miss(c, routed));
            }
            if (hit || decision.alternates().stream().anyMatch(c::accepts)) {
                named++;
            }
            if (!decision.alternates().isEmpty()) {
                withAlternates++;
            }
            if (decision.isFallback() && decision.fallback().kind() != FallbackReason.Kind.EMPTY_TASK
                    && decision.fallback().kind() != FallbackReason.Kind.MISSING_DOCUMENT) {
                clarifications++;
                if (decision.alternates().isEmpty() || !c.accepts(decision.alternates().get(0))) {
                    rightToAsk++;
                }
            }
            confidences.add(decision.confidence());
            rights.add(hit);
            matrix.computeIfAbsent(truth, k -> new LinkedHashMap<>()).merge(routed, 1, Integer::sum);
        }
        List<ClassScore> perClass = new ArrayList<>();
        for (String s : matrix.keySet()) {
            int truePositives = matrix.get(s).getOrDefault(s, 0);
            int actual = matrix.get(s).values().stream().mapToInt(Integer::intValue).sum();
            int predicted = matrix.values().stream().mapToInt(row -> row.getOrDefault(s, 0)).sum();
            perClass.add(new ClassScore(s, actual, predicted, truePositives));
        }
        return new Result(name, cases.size(), hits, perClass, matrix, misses, named, withAlternates,
                clarifications, rightToAsk, Calibration.of(confidences, rights));
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

    /**
     * Everything measured for one router.
     *
     * @param named          decisions whose reply names an acceptable specialist, as the winner or under "also consider"
     * @param withAlternates decisions whose reply names anyone under "also consider" (or as possible specialists)
     * @param clarifications fallbacks that asked the user to clarify
     * @param rightToAsk     of them, those where the best guess would have been wrong (or there was none)
     * @param calibration    shown confidence against accuracy
     */
    public record Result(String router, int total, int hits, List<ClassScore> perClass,
                         Map<String, Map<String, Integer>> confusion, List<Miss> misses, int named, int withAlternates,
                         int clarifications, int rightToAsk, Calibration calibration) {
        public double accuracy() {
            return total == 0 ? 0 : hits / (double) total;
        }
    }
}

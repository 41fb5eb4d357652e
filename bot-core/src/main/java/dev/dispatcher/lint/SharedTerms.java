package dev.dispatcher.lint;

import dev.dispatcher.routing.Specialist;
import dev.dispatcher.routing.SpecialistCatalog;
import dev.dispatcher.routing.TextAnalyzer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Keywords and phrases two specialists claim with similar weight: after analysis ("queries" is "query"), so such a
 * term decides nothing between them, and a task made of it is a coin toss. A clearly higher weight on one side is a
 * decision, and not reported.
 */
final class SharedTerms {

    /** Weights within this factor of each other count as similar. */
    static final double SIMILAR = 1.5;

    private record Claim(Specialist specialist, String written, double weight) {}

    List<Warning> check(SpecialistCatalog catalog, TextAnalyzer analyzer) {
        Map<String, List<Claim>> claims = new LinkedHashMap<>();
        for (Specialist s : catalog.specialists()) {
            collect(claims, s, s.keywords(), analyzer);
            collect(claims, s, s.phrases(), analyzer);
        }
        List<Warning> warnings = new ArrayList<>();
        claims.forEach((term, list) -> {
            for (int i = 0; i < list.size(); i++) {
                for (int j = i + 1; j < list.size(); j++) {
                    Claim a = list.get(i);
                    Claim b = list.get(j);
                    if (!a.specialist().equals(b.specialist())
                            && Math.max(a.weight(), b.weight()) <= SIMILAR * Math.min(a.weight(), b.weight())) {
                        warnings.add(new Warning("routing.yaml", String.format(Locale.ROOT,
                                "'%s' (%s, %.1f) and '%s' (%s, %.1f) are the same term with similar weights, so it decides"
                                        + " nothing between them: weigh one clearly higher, or drop it from the other",
                                a.written(), a.specialist().id(), a.weight(), b.written(), b.specialist().id(), b.weight())));
                    }
                }
            }
        });
        return warnings;
    }

    private static void collect(Map<String, List<Claim>> claims, Specialist specialist, Map<String, Double> terms,
                                TextAnalyzer analyzer) {
        terms.forEach((written, weight) -> {
            List<String> analysed = analyzer.terms(written);
            if (!analysed.isEmpty()) {
                claims.computeIfAbsent(String.join(" ", analysed), k -> new ArrayList<>()).add(new Claim(specialist, written, weight));
            }
        });
    }
}

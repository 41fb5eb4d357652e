package dev.dispatcher.lint;

import dev.dispatcher.routing.Router;
import dev.dispatcher.routing.SpecialistCatalog;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Labelled examples the router, built from the very files that hold them, sends to another specialist: the example
 * contradicts the keywords, or another specialist's examples say the same thing. One warning per specialist, with a
 * few of them quoted.
 */
final class ExampleRoutes {

    private static final int QUOTED = 3;

    List<Warning> check(SpecialistCatalog catalog, List<Map.Entry<String, String>> examples, Router router) {
        if (catalog.examplesFile() == null) {
            return List.of();
        }
        Map<String, Integer> total = new LinkedHashMap<>();
        Map<String, List<String>> elsewhere = new LinkedHashMap<>();
        for (Map.Entry<String, String> example : examples) {
            String label = example.getValue();
            total.merge(label, 1, Integer::sum);
            String routed = router.route(example.getKey()).specialist();
            if (!routed.equals(label)) {
                elsewhere.computeIfAbsent(label, k -> new ArrayList<>()).add("\"" + example.getKey() + "\" → " + routed);
            }
        }
        List<Warning> warnings = new ArrayList<>();
        elsewhere.forEach((label, misses) -> warnings.add(new Warning(catalog.examplesFile(), misses.size() + " of "
                + total.get(label) + " examples labelled " + label + " route elsewhere: "
                + String.join("; ", misses.subList(0, Math.min(QUOTED, misses.size())))
                + (misses.size() > QUOTED ? "; …" : "") + ". Relabel them, or give " + label + " the words they use")));
        return warnings;
    }
}

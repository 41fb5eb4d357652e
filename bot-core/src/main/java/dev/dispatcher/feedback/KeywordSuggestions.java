package dev.dispatcher.feedback;

import dev.dispatcher.routing.Specialist;
import dev.dispatcher.routing.SpecialistCatalog;
import dev.dispatcher.routing.TextAnalyzer;
import dev.dispatcher.store.FeedbackStore;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Terms that recur in tasks corrected to a specialist and that its configuration lacks: the seed's "keyword expansion
 * based on common user language", printed as YAML to paste under the specialist's {@code keywords}.
 */
public final class KeywordSuggestions {

    static final int MIN_TASKS = 2;

    private final SpecialistCatalog catalog;
    private final TextAnalyzer analyzer;

    public KeywordSuggestions(SpecialistCatalog catalog, TextAnalyzer analyzer) {
        this.catalog = catalog;
        this.analyzer = analyzer;
    }

    /** A suggested keyword: its most common spelling, in how many corrected tasks it appeared, and two of them. */
    public record Suggestion(String word, int tasks, List<String> examples) {}

    public Map<String, List<Suggestion>> suggest(List<FeedbackStore.CorrectionRow> corrections) {
        Map<String, String> taskByDecision = new LinkedHashMap<>();
        Map<String, String> labelByDecision = new HashMap<>();
        Map<String, Map<String, Integer>> votes = new HashMap<>();
        for (FeedbackStore.CorrectionRow row : corrections) {
            taskByDecision.put(row.decisionId(), row.taskText());
            votes.computeIfAbsent(row.decisionId(), k -> new HashMap<>()).merge(row.correctedTo(), 1, Integer::sum);
        }
        votes.forEach((id, v) -> labelByDecision.put(id, Majority.of(v).getKey()));

        Map<String, List<Suggestion>> out = new LinkedHashMap<>();
        for (Specialist specialist : catalog.specialists()) {
            Set<String> known = new HashSet<>();
            specialist.keywords().keySet().forEach(k -> known.addAll(analyzer.terms(k)));
            specialist.phrases().keySet().forEach(k -> known.addAll(analyzer.terms(k)));
            Map<String, Set<String>> tasksByStem = new LinkedHashMap<>();
            Map<String, Map<String, Integer>> spellings = new HashMap<>();
            taskByDecision.forEach((id, task) -> {
                if (!specialist.id().equals(labelByDecision.get(id))) {
                    return;
                }
                for (String word : task.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}'+-]+")) {
                    List<String> stems = analyzer.contentTerms(word);
                    if (stems.size() != 1 || known.contains(stems.get(0)) || stems.get(0).length() < 3) {
                        continue;
                    }
                    tasksByStem.computeIfAbsent(stems.get(0), k -> new LinkedHashSet<>()).add(task);
                    spellings.computeIfAbsent(stems.get(0), k -> new HashMap<>()).merge(word, 1, Integer::sum);
                }
            });
            List<Suggestion> list = new ArrayList<>();
            tasksByStem.forEach((stem, tasks) -> {
                if (tasks.size() >= MIN_TASKS) {
                    String word = spellings.get(stem).entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
                    list.add(new Suggestion(word, tasks.size(), tasks.stream().limit(2).toList()));
                }
            });
            list.sort((a, b) -> b.tasks() != a.tasks() ? Integer.compare(b.tasks(), a.tasks()) : a.word().compareTo(b.word()));
            if (!list.isEmpty()) {
                out.put(specialist.id(), list);
            }
        }
        return out;
    }

    public String render(List<FeedbackStore.CorrectionRow> corrections) {
        Map<String, List<Suggestion>> suggestions = suggest(corrections);
        if (suggestions.isEmpty()) {
            return "No suggestions yet: a term needs to recur in at least " + MIN_TASKS + " tasks corrected to the same specialist.";
        }
        StringBuilder out = new StringBuilder("# Paste under each specialist's keywords in knowledgebase/routing.yaml; adjust weights.\n");
        suggestions.forEach((id, list) -> {
            out.append("# ").append(id).append('\n').append("    keywords:\n");
            for (Suggestion s : list) {
                out.append(String.format(Locale.ROOT, "      %s: 1.5   # %d corrected tasks, e.g. %s%n", yamlKey(s.word()), s.tasks(),
                        String.join(" | ", s.examples().stream().map(t -> "\"" + t.replace('\n', ' ') + "\"").toList())));
            }
        });
        return out.toString();
    }

    private static String yamlKey(String word) {
        return word.matches("[a-z][a-z0-9-]*") ? word : "\"" + word.replace("\"", "") + "\"";
    }
}

package dev.dispatcher.feedback;

import dev.dispatcher.routing.CorrectionMemory;
import dev.dispatcher.routing.TextAnalyzer;
import dev.dispatcher.store.FeedbackStore;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Corrected tasks as labelled examples: the router's memory of its mistakes.
 *
 * <p>Each corrected decision becomes one example, labelled with the specialist most users corrected it to and weighted
 * by net agreement (agreeing minus dissenting corrections): one correction counts half, two agreeing three quarters,
 * and so on towards one. A new task collects votes from examples whose terms overlap enough (cosine over term sets);
 * a near-identical task (similarity 0.9 or more) votes decisively, so the very task that was corrected routes to the
 * corrected specialist, while merely similar tasks only lean. Withdrawn flags and forgotten decisions drop out at the
 * next {@link #reload()}.
 *
 * <p>Thread-safe: readers see an immutable snapshot, swapped atomically on reload.
 */
public final class CorrectionExamples implements CorrectionMemory {

    static final double SIMILAR = 0.5;
    static final double NEAR_IDENTICAL = 0.9;
    static final double DECISIVE = 10.0;

    private record Example(Set<String> terms, String specialist, double weight, int corrections) {}

    private final FeedbackStore store;
    private final TextAnalyzer analyzer;
    private final AtomicLong version = new AtomicLong();
    private volatile List<Example> examples = List.of();

    public CorrectionExamples(FeedbackStore store, TextAnalyzer analyzer) {
        this.store = store;
        this.analyzer = analyzer;
    }

    /** Re-reads every correction from the store; call after any correction changes. */
    public void reload() {
        Map<String, String> taskByDecision = new LinkedHashMap<>();
        Map<String, Map<String, Integer>> votesByDecision = new HashMap<>();
        for (FeedbackStore.CorrectionRow row : store.corrections()) {
            taskByDecision.put(row.decisionId(), row.taskText());
            votesByDecision.computeIfAbsent(row.decisionId(), k -> new LinkedHashMap<>()).merge(row.correctedTo(), 1, Integer::sum);
        }
        List<Example> loaded = new ArrayList<>();
        for (Map.Entry<String, String> task : taskByDecision.entrySet()) {
            Map<String, Integer> votes = votesByDecision.get(task.getKey());
            Map.Entry<String, Integer> majority = Majority.of(votes);
            int total = votes.values().stream().mapToInt(Integer::intValue).sum();
            int net = majority.getValue() - (total - majority.getValue());
            Set<String> terms = new HashSet<>(analyzer.contentTerms(task.getValue()));
            if (net > 0 && !terms.isEmpty()) {
                loaded.add(new Example(terms, majority.getKey(), 1 - Math.pow(0.5, net), majority.getValue()));
            }
        }
        examples = List.copyOf(loaded);
        version.incrementAndGet();
    }

    @Override
    public Map<String, Vote> votes(List<String> contentTerms) {
        List<Example> current = examples;
        if (current.isEmpty() || contentTerms.isEmpty()) {
            return Map.of();
        }
        Set<String> task = new HashSet<>(contentTerms);
        Map<String, Vote> votes = new HashMap<>();
        for (Example example : current) {
            double similarity = cosine(task, example.terms());
            if (similarity < SIMILAR) {
                continue;
            }
            double weight = example.weight() * (similarity >= NEAR_IDENTICAL ? DECISIVE : similarity * similarity);
            votes.merge(example.specialist(), new Vote(weight, example.corrections()),
                    (a, b) -> new Vote(a.weight() + b.weight(), a.corrections() + b.corrections()));
        }
        return votes;
    }

    @Override
    public long version() {
        return version.get();
    }

    /** How many corrected tasks the router currently learns from. */
    public int size() {
        return examples.size();
    }

    private static double cosine(Set<String> a, Set<String> b) {
        int shared = 0;
        for (String term : a.size() < b.size() ? a : b) {
            if ((a.size() < b.size() ? b : a).contains(term)) {
                shared++;
            }
        }
        return shared == 0 ? 0 : shared / Math.sqrt((double) a.size() * b.size());
    }
}

package dev.dispatcher.feedback;

import dev.dispatcher.routing.CorrectionMemory;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Corrected tasks indexed by their terms, so a new task only meets the corrected tasks it shares a word with: it
 * collects votes from those whose terms overlap enough (cosine over term sets); a near-identical task (similarity
 * 0.9 or more) votes decisively, so the very task that was corrected routes to the corrected specialist, while merely
 * similar tasks only lean. Immutable once built; thread-safe.
 */
final class CorrectionIndex {

    static final double SIMILAR = 0.5;
    static final double NEAR_IDENTICAL = 0.9;
    static final double DECISIVE = 10.0;

    private record Entry(int termCount, String specialist, double weight, int corrections) {}

    private final List<Entry> entries;
    private final Map<String, int[]> postings;

    private CorrectionIndex(List<Entry> entries, Map<String, int[]> postings) {
        this.entries = entries;
        this.postings = postings;
    }

    static CorrectionIndex empty() {
        return new CorrectionIndex(List.of(), Map.of());
    }

    static Builder builder() {
        return new Builder();
    }

    /** Votes per specialist id from the corrected tasks similar enough to these content terms. */
    Map<String, CorrectionMemory.Vote> votes(List<String> contentTerms) {
        if (entries.isEmpty() || contentTerms.isEmpty()) {
            return Map.of();
        }
        Set<String> task = new HashSet<>(contentTerms);
        Map<Integer, Integer> shared = new HashMap<>();
        for (String term : task) {
            int[] ids = postings.get(term);
            if (ids != null) {
                for (int id : ids) {
                    shared.merge(id, 1, Integer::sum);
                }
            }
        }
        Map<String, CorrectionMemory.Vote> votes = new HashMap<>();
        shared.forEach((id, count) -> {
            Entry e = entries.get(id);
            double similarity = count / Math.sqrt((double) task.size() * e.termCount());
            if (similarity >= SIMILAR) {
                double weight = e.weight() * (similarity >= NEAR_IDENTICAL ? DECISIVE : similarity * similarity);
                votes.merge(e.specialist(), new CorrectionMemory.Vote(weight, e.corrections()),
                        (a, b) -> new CorrectionMemory.Vote(a.weight() + b.weight(), a.corrections() + b.corrections()));
            }
        });
        return votes;
    }

    int size() {
        return entries.size();
    }

    /** Collects corrected tasks, then freezes them into an index. */
    static final class Builder {
        private final List<Entry> entries = new ArrayList<>();
        private final Map<String, List<Integer>> postings = new HashMap<>();

        void add(List<String> contentTerms, String specialist, double weight, int corrections) {
            Set<String> terms = new HashSet<>(contentTerms);
            if (terms.isEmpty()) {
                return;
            }
            int id = entries.size();
            entries.add(new Entry(terms.size(), specialist, weight, corrections));
            terms.forEach(t -> postings.computeIfAbsent(t, k -> new ArrayList<>()).add(id));
        }

        CorrectionIndex build() {
            Map<String, int[]> frozen = new HashMap<>(postings.size() * 2);
            postings.forEach((term, ids) -> frozen.put(term, ids.stream().mapToInt(Integer::intValue).toArray()));
            return new CorrectionIndex(List.copyOf(entries), frozen);
        }
    }
}

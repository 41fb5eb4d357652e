package dev.dispatcher.feedback;

import dev.dispatcher.routing.CorrectionMemory;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Corrected tasks indexed by their terms, so a new task only meets the corrected tasks it shares a word with: it
 * collects votes from those whose terms overlap enough (cosine over term sets); a near-identical task (similarity
 * 0.9 or more) votes decisively, so the very task that was corrected routes to the corrected specialist, while merely
 * similar tasks only lean.
 *
 * <p>Thread-safe for one writer and many readers: an added task's posting lists are replaced whole, so a reader sees
 * it entirely or not yet.
 */
final class CorrectionIndex {

    static final double SIMILAR = 0.5;
    static final double NEAR_IDENTICAL = 0.9;
    static final double DECISIVE = 10.0;

    private record Entry(int termCount, String specialist, double weight, int corrections) {}

    private volatile Entry[] entries = new Entry[0];
    private final Map<String, int[]> postings = new ConcurrentHashMap<>();

    /** Adds a corrected task; call from one thread at a time. */
    synchronized void add(List<String> contentTerms, String specialist, double weight, int corrections) {
        Set<String> terms = new HashSet<>(contentTerms);
        if (terms.isEmpty()) {
            return;
        }
        Entry[] grown = Arrays.copyOf(entries, entries.length + 1);
        int id = entries.length;
        grown[id] = new Entry(terms.size(), specialist, weight, corrections);
        entries = grown;
        for (String term : terms) {
            int[] old = postings.get(term);
            int[] ids = old == null ? new int[1] : Arrays.copyOf(old, old.length + 1);
            ids[ids.length - 1] = id;
            postings.put(term, ids);
        }
    }

    /** Votes per specialist id from the corrected tasks similar enough to these content terms. */
    Map<String, CorrectionMemory.Vote> votes(List<String> contentTerms) {
        Entry[] current = entries;
        if (current.length == 0 || contentTerms.isEmpty()) {
            return Map.of();
        }
        Set<String> task = new HashSet<>(contentTerms);
        Map<Integer, Integer> shared = new HashMap<>();
        for (String term : task) {
            int[] ids = postings.get(term);
            if (ids != null) {
                for (int id : ids) {
                    if (id < current.length) {
                        shared.merge(id, 1, Integer::sum);
                    }
                }
            }
        }
        Map<String, CorrectionMemory.Vote> votes = new HashMap<>();
        shared.forEach((id, count) -> {
            Entry e = current[id];
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
        return entries.length;
    }
}

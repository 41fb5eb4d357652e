package dev.dispatcher.knowledge;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Requests labelled with the specialist that owns them ({@code knowledgebase/examples.jsonl}), used as nearest
 * neighbours: a new task collects a vote from every example whose terms overlap enough, weighted by the square of
 * the similarity (cosine over term sets) and balanced so that every specialist's examples weigh the same in all.
 * Where keywords and documents speak in the team's vocabulary, examples
 * carry the way people actually phrase requests ("people keep getting bounced to the sign-in page").
 *
 * <p>Immutable and thread-safe.
 */
public final class LabelledExamples {

    private record Example(int termCount, String specialist, double weight) {}

    private final List<Example> examples;
    /** Which examples contain each term, so a task only visits the examples it shares a word with. */
    private final Map<String, int[]> postings;
    private final double minSimilarity;

    /**
     * @param labelled      the analysed content terms and the specialist id of each example
     * @param minSimilarity examples less similar than this to a task do not vote
     */
    public LabelledExamples(List<Map.Entry<List<String>, String>> labelled, double minSimilarity) {
        List<Example> built = new ArrayList<>();
        Map<String, List<Integer>> index = new HashMap<>();
        // A specialist with many examples would otherwise collect more votes merely for having more neighbours: each
        // example votes with weight (average examples per specialist) / (its specialist's examples).
        Map<String, Integer> perSpecialist = new HashMap<>();
        labelled.forEach(e -> perSpecialist.merge(e.getValue(), 1, Integer::sum));
        double average = perSpecialist.isEmpty() ? 1 : labelled.size() / (double) perSpecialist.size();
        for (Map.Entry<List<String>, String> e : labelled) {
            Set<String> terms = new HashSet<>(e.getKey());
            if (!terms.isEmpty()) {
                int id = built.size();
                built.add(new Example(terms.size(), e.getValue(), average / perSpecialist.get(e.getValue())));
                terms.forEach(t -> index.computeIfAbsent(t, k -> new ArrayList<>()).add(id));
            }
        }
        this.examples = List.copyOf(built);
        Map<String, int[]> frozen = new HashMap<>();
        index.forEach((term, ids) -> frozen.put(term, ids.stream().mapToInt(Integer::intValue).toArray()));
        this.postings = Map.copyOf(frozen);
        this.minSimilarity = minSimilarity;
    }

    /** Summed squared similarities per specialist id, for the task's content terms. */
    public Map<String, Double> votes(List<String> contentTerms) {
        if (examples.isEmpty() || contentTerms.isEmpty()) {
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
        Map<String, Double> votes = new HashMap<>();
        shared.forEach((id, count) -> {
            Example example = examples.get(id);
            double similarity = count / Math.sqrt((double) task.size() * example.termCount());
            if (similarity >= minSimilarity) {
                votes.merge(example.specialist(), example.weight() * similarity * similarity, Double::sum);
            }
        });
        return votes;
    }

    public int size() {
        return examples.size();
    }
}

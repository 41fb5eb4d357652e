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

    /** Per example: how many distinct terms it has, its specialist's number in {@link #specialists}, its vote's weight. */
    private final int[] termCounts;
    private final int[] specialistOf;
    private final double[] weights;
    private final List<String> specialists;
    /** Which examples contain each term, so a task only visits the examples it shares a word with. */
    private final Map<String, int[]> postings;
    private final double minSimilarity;
    /** How many of a specialist's closest examples vote for it. */
    static final int NEIGHBOURS = 3;

    /**
     * @param labelled      the analysed content terms and the specialist id of each example
     * @param minSimilarity examples less similar than this to a task do not vote
     */
    public LabelledExamples(List<Map.Entry<List<String>, String>> labelled, double minSimilarity) {
        List<int[]> built = new ArrayList<>();
        List<String> names = new ArrayList<>();
        List<Double> builtWeights = new ArrayList<>();
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
                if (!names.contains(e.getValue())) {
                    names.add(e.getValue());
                }
                built.add(new int[] {terms.size(), names.indexOf(e.getValue())});
                builtWeights.add(average / perSpecialist.get(e.getValue()));
                terms.forEach(t -> index.computeIfAbsent(t, k -> new ArrayList<>()).add(id));
            }
        }
        this.termCounts = built.stream().mapToInt(x -> x[0]).toArray();
        this.specialistOf = built.stream().mapToInt(x -> x[1]).toArray();
        this.weights = builtWeights.stream().mapToDouble(Double::doubleValue).toArray();
        this.specialists = List.copyOf(names);
        Map<String, int[]> frozen = new HashMap<>();
        index.forEach((term, ids) -> frozen.put(term, ids.stream().mapToInt(Integer::intValue).toArray()));
        this.postings = java.util.Collections.unmodifiableMap(frozen);
        this.minSimilarity = minSimilarity;
    }

    /** Summed squared similarities per specialist id, for the task's content terms. */
    public Map<String, Double> votes(List<String> contentTerms) {
        if (termCounts.length == 0 || contentTerms.isEmpty()) {
            return Map.of();
        }
        Set<String> task = new HashSet<>(contentTerms);
        OverlapCounter shared = OverlapCounter.forThisThread(termCounts.length);
        for (String term : task) {
            int[] ids = postings.get(term);
            if (ids != null) {
                shared.add(ids);
            }
        }
        // Each specialist's few closest examples vote, not all of them: a specialist with many loosely similar examples
        // would otherwise outvote one with a single close match. closest[specialist * NEIGHBOURS + j], 0 for none yet.
        double[] closest = new double[specialists.size() * NEIGHBOURS];
        boolean[] voted = new boolean[specialists.size()];
        double taskSize = task.size();
        // Most examples met share one common word and fall far below the threshold: tell them without a square root
        // (a margin of 1e-9 keeps every example the exact test below would admit).
        double surelyBelow = minSimilarity * minSimilarity * (1 - 1e-9) * taskSize;
        for (int i = 0; i < shared.size(); i++) {
            int id = shared.document(i);
            int count = shared.count(id);
            if ((double) count * count < surelyBelow * termCounts[id]) {
                continue;
            }
            double similarity = count / Math.sqrt(taskSize * termCounts[id]);
            if (similarity >= minSimilarity) {
                int specialist = specialistOf[id];
                voted[specialist] = true;
                int first = specialist * NEIGHBOURS;
                double vote = weights[id] * similarity * similarity;
                int weakest = first;
                for (int j = first + 1; j < first + NEIGHBOURS; j++) {
                    if (closest[j] < closest[weakest]) {
                        weakest = j;
                    }
                }
                if (vote > closest[weakest]) {
                    closest[weakest] = vote;
                }
            }
        }
        Map<String, Double> votes = new HashMap<>();
        for (int specialist = 0; specialist < voted.length; specialist++) {
            if (voted[specialist]) {
                int first = specialist * NEIGHBOURS;
                votes.put(specialists.get(specialist),
                        java.util.Arrays.stream(closest, first, first + NEIGHBOURS).sum());
            }
        }
        return votes;
    }

    public int size() {
        return termCounts.length;
    }
}

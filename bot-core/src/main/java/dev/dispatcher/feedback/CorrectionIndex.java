package dev.dispatcher.feedback;

import dev.dispatcher.routing.CorrectionMemory;
import java.util.ArrayList;
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
 * <p>Only the most recent corrected tasks lean ({@link #LEANING}); older ones still decide near-identical tasks. What
 * an old correction taught its kind is carried by the learned model ({@code RoutingModel.teach}), and this keeps the
 * cost of a route bounded as a team's history grows: leaning needs every corrected task that shares one common word,
 * thousands in a long history, while a near-identical one must share most of the task's words, so it is found through
 * the task's rarest few.
 *
 * <p>Thread-safe for one writer and many readers: the corrected tasks are published whole with their count, and an
 * added task's posting lists are replaced whole, so a reader sees it entirely or not yet.
 */
final class CorrectionIndex {

    static final double SIMILAR = 0.5;
    static final double NEAR_IDENTICAL = 0.9;
    static final double DECISIVE = 10.0;
    /** How many of the most recent corrected tasks lean merely similar tasks. */
    static final int LEANING = 1_000;

    /**
     * The corrected tasks column by column, task {@code id} at index {@code id}; only the first {@code size} are meant.
     * Task {@code id}'s term numbers, ascending, are {@code terms[starts[id]]} up to {@code terms[starts[id + 1]]}: one
     * array, so checking an old candidate reads memory in one place. The writer fills the slots past {@code size}
     * before publishing a table one larger, so no reader sees a slot filled after it read the table.
     */
    private record Table(int size, int[] starts, int[] terms, int[] specialists, double[] weights, int[] corrections) {

        static Table empty() {
            return new Table(0, new int[1], new int[0], new int[0], new double[0], new int[0]);
        }

        Table with(int[] sortedTerms, int specialist, double weight, int correctionCount) {
            int end = starts[size] + sortedTerms.length;
            Table t = size + 1 < starts.length && end <= terms.length ? this
                    : grown(Math.max(16, size * 2), Math.max(end, terms.length * 2));
            System.arraycopy(sortedTerms, 0, t.terms, starts[size], sortedTerms.length);
            t.starts[size + 1] = end;
            t.specialists[size] = specialist;
            t.weights[size] = weight;
            t.corrections[size] = correctionCount;
            return new Table(size + 1, t.starts, t.terms, t.specialists, t.weights, t.corrections);
        }

        Table grown(int capacity, int termCapacity) {
            return new Table(size, Arrays.copyOf(starts, capacity + 1), Arrays.copyOf(terms, termCapacity),
                    Arrays.copyOf(specialists, capacity), Arrays.copyOf(weights, capacity), Arrays.copyOf(corrections, capacity));
        }
    }

    /** A term's number and the corrected tasks that have it, in ascending order. */
    private record Posting(int term, int[] ids) {}

    private final int leaning;
    private volatile Table table = Table.empty();
    /** The specialists corrected to, numbered in order of first appearance; only ever appended to. */
    private final List<String> specialists = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final Map<String, Posting> postings = new ConcurrentHashMap<>();

    /** An empty index, to which corrected tasks are added one by one. */
    CorrectionIndex() {
        this(LEANING);
    }

    /** @param leaning how many of the most recent corrected tasks lean merely similar tasks */
    CorrectionIndex(int leaning) {
        this.leaning = leaning;
    }

    /** An index of many corrected tasks at once, built in one pass (adding them one by one copies too much). */
    static CorrectionIndex of(List<Item> items) {
        return of(items, LEANING);
    }

    /** {@link #of(List)} with {@code leaning} of the most recent corrected tasks leaning similar ones. */
    static CorrectionIndex of(List<Item> items, int leaning) {
        CorrectionIndex index = new CorrectionIndex(leaning);
        Table built = Table.empty().grown(items.size(), items.size() * 16);
        Map<String, Integer> numbers = new HashMap<>();
        List<List<Integer>> lists = new ArrayList<>();
        for (Item item : items) {
            Set<String> terms = new HashSet<>(item.contentTerms());
            if (terms.isEmpty()) {
                continue;
            }
            int id = built.size();
            int[] sorted = new int[terms.size()];
            int k = 0;
            for (String term : terms) {
                int number = numbers.computeIfAbsent(term, t -> numbers.size());
                if (number == lists.size()) {
                    lists.add(new ArrayList<>());
                }
                lists.get(number).add(id);
                sorted[k++] = number;
            }
            Arrays.sort(sorted);
            built = built.with(sorted, index.numberOf(item.specialist()), item.weight(), item.corrections());
        }
        numbers.forEach((term, number) -> index.postings.put(term,
                new Posting(number, lists.get(number).stream().mapToInt(Integer::intValue).toArray())));
        index.table = built;
        return index;
    }

    /** A corrected task to index: its content terms, the specialist it belongs to, how much it weighs. */
    record Item(List<String> contentTerms, String specialist, double weight, int corrections) {}

    /** Adds a corrected task; call from one thread at a time. */
    synchronized void add(List<String> contentTerms, String specialist, double weight, int corrections) {
        Set<String> terms = new HashSet<>(contentTerms);
        if (terms.isEmpty()) {
            return;
        }
        Table current = table;
        int id = current.size();
        int[] sorted = new int[terms.size()];
        int k = 0;
        // Posting lists first: a reader holding the smaller table ignores the new id, one holding the larger finds it.
        for (String term : terms) {
            Posting old = postings.get(term);
            int number = old == null ? postings.size() : old.term();
            int[] ids = old == null ? new int[1] : Arrays.copyOf(old.ids(), old.ids().length + 1);
            ids[ids.length - 1] = id;
            postings.put(term, new Posting(number, ids));
            sorted[k++] = number;
        }
        Arrays.sort(sorted);
        table = current.with(sorted, numberOf(specialist), weight, corrections);
    }

    /** Votes per specialist id from the corrected tasks similar enough to these content terms. */
    Map<String, CorrectionMemory.Vote> votes(List<String> contentTerms) {
        Table current = table;
        int size = current.size();
        if (size == 0 || contentTerms.isEmpty()) {
            return Map.of();
        }
        Set<String> task = new HashSet<>(contentTerms);
        long taskTerms = task.size();
        List<Posting> known = new ArrayList<>(task.size());
        for (String term : task) {
            Posting posting = postings.get(term);
            if (posting != null) {
                known.add(posting);
            }
        }
        if (known.isEmpty()) {
            return Map.of();
        }
        rarestFirst(known);
        int recent = Math.max(0, size - leaning);
        SharedTerms shared = SharedTerms.forThisThread(size);
        // A task leans on a recent one only when similarity >= 0.5, so when 4 overlap² >= task * terms, and as the
        // overlap is at most its terms, when it shares at least a quarter of the task's terms: the commonest
        // (that - 1) terms' lists need not be walked (they hold most postings); a recent task is checked for them below.
        int lean = (int) ((taskTerms + 3) / 4);
        int commonest = Math.min(lean - 1, known.size());
        for (int k = 0; k < known.size() - commonest; k++) {
            shared.add(known.get(k).ids(), recent, size);
        }
        int[] commonNumbers = new int[commonest];
        for (int k = 0; k < commonest; k++) {
            commonNumbers[k] = known.get(known.size() - 1 - k).term();
        }
        int walked = recent > 0 ? countNearIdenticalCandidates(known, task.size(), recent, shared) : 0;
        int unwalked = known.size() - walked;
        int[] taskNumbers = new int[known.size()];
        for (int k = 0; k < taskNumbers.length; k++) {
            taskNumbers[k] = known.get(k).term();
        }
        Arrays.sort(taskNumbers);
        int[] starts = current.starts();
        List<String> names = specialists;
        double[] weights = new double[names.size()];
        int[] corrections = new int[names.size()];
        boolean[] voted = new boolean[names.size()];
        for (int i = 0; i < shared.size(); i++) {
            int id = shared.document(i);
            int counted = shared.take(id);
            long terms = starts[id + 1] - starts[id];
            long overlap = counted;
            if (id >= recent && commonest > 0) {
                // counted without the commonest terms: it shares at most those too
                long atMost = Math.min(counted + commonest, Math.min(terms, taskTerms));
                if (4 * atMost * atMost < taskTerms * terms) {
                    continue;
                }
                overlap += has(current.terms(), starts[id], starts[id + 1], commonNumbers);
            }
            if (id < recent) {
                // counted by the rarest terms only: it shares at most the others too (and never more terms than
                // either has), and near-identical needs 100 overlap² >= 81 task * terms (in integers exactly the
                // floating-point test below: where the two are equal the square root is exact)
                long atMost = Math.min(counted + unwalked, Math.min(terms, taskTerms));
                if (100 * atMost * atMost < 81 * taskTerms * terms) {
                    continue;
                }
                overlap = overlap(current.terms(), starts[id], starts[id + 1], taskNumbers,
                        leastNearIdentical(taskTerms, terms, atMost));
            }
            // similarity >= SIMILAR in integers: overlap / sqrt(task * terms) >= 1/2 exactly when 4 overlap² >= task *
            // terms (where the two are equal the square root is exact, so the floating-point test agrees)
            if (4 * overlap * overlap < taskTerms * terms) {
                continue;
            }
            double similarity = overlap / Math.sqrt((double) taskTerms * terms);
            if (id < recent && similarity < NEAR_IDENTICAL) {
                continue;
            }
            int specialist = current.specialists()[id];
            weights[specialist] += current.weights()[id] * (similarity >= NEAR_IDENTICAL ? DECISIVE : similarity * similarity);
            corrections[specialist] += current.corrections()[id];
            voted[specialist] = true;
        }
        shared.allTaken();
        Map<String, CorrectionMemory.Vote> votes = new HashMap<>();
        for (int k = 0; k < voted.length && k < names.size(); k++) {
            if (voted[k]) {
                votes.put(names.get(k), new CorrectionMemory.Vote(weights[k], corrections[k]));
            }
        }
        return votes;
    }

    /**
     * Counts, in the task's rarest lists (the first of {@code known}), every older corrected task that could be
     * near-identical to the task. One is when overlap / sqrt(task *
     * terms) >= 0.9, and as the overlap is at most its terms, that needs an overlap of at least 0.81 of the task's terms
     * (counted in integers, so exactly): it has at least one of the task's rarest {@code task - that + 1} terms,
     * counting terms no corrected task has as the rarest. Returns how many lists it walked.
     */
    private static int countNearIdenticalCandidates(List<Posting> known, int taskTerms, int recent, SharedTerms shared) {
        int needed = (int) ((81L * taskTerms + 99) / 100);   // the least integer >= 0.81 task
        int rarest = Math.min(known.size(), taskTerms - needed + 1 - (taskTerms - known.size()));
        if (rarest <= 0) {
            return 0;
        }
        for (int i = 0; i < rarest; i++) {
            shared.add(known.get(i).ids(), 0, recent);
        }
        return rarest;
    }

    /** Sorts a task's few posting lists, shortest first, keeping the order of equals (as {@code List.sort} does). */
    private static void rarestFirst(List<Posting> known) {
        for (int i = 1; i < known.size(); i++) {
            Posting moving = known.get(i);
            int j = i;
            while (j > 0 && known.get(j - 1).ids().length > moving.ids().length) {
                known.set(j, known.get(j - 1));
                j--;
            }
            known.set(j, moving);
        }
    }

    /** How many of {@code numbers} the ascending term numbers {@code terms[from]} to {@code terms[to]} hold. */
    private static int has(int[] terms, int from, int to, int[] numbers) {
        int found = 0;
        for (int number : numbers) {
            found += Arrays.binarySearch(terms, from, to, number) >= 0 ? 1 : 0;
        }
        return found;
    }

    /**
     * The smallest overlap that makes a task near-identical (100 overlap² >= 81 task * terms), counting down from
     * {@code enough}, an overlap known to do so (a step or two, where a square root cost more than the merge it saves).
     */
    private static long leastNearIdentical(long taskTerms, long terms, long enough) {
        long least = enough;
        while (least > 0 && 100 * (least - 1) * (least - 1) >= 81 * taskTerms * terms) {
            least--;
        }
        return least;
    }

    /**
     * How many terms {@code a[from]} to {@code a[to]} and {@code b}, ascending term numbers, share: a merge written
     * without branches on the values, which a processor cannot predict (with them it was most of a route's time spent
     * here). It stops early, returning less than {@code enough}, once the terms left cannot bring it to {@code enough}.
     */
    private static int overlap(int[] a, int from, int to, int[] b, long enough) {
        int shared = 0;
        int i = from;
        int j = 0;
        while (i < to && j < b.length) {
            int x = a[i];
            int y = b[j];
            shared += x == y ? 1 : 0;
            i += x <= y ? 1 : 0;
            j += x >= y ? 1 : 0;
            if (shared + Math.min(to - i, b.length - j) < enough) {
                return shared;
            }
        }
        return shared;
    }

    private int numberOf(String specialist) {
        int number = specialists.indexOf(specialist);
        if (number < 0) {
            specialists.add(specialist);
            number = specialists.size() - 1;
        }
        return number;
    }

    int size() {
        return table.size();
    }
}

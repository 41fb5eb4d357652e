package dev.dispatcher.feedback;

/**
 * Counts, for one task at a time, how many of its terms each corrected task shares, over ranges of the posting lists
 * {@link CorrectionIndex} chooses: a counter per corrected task in a reusable array, emptied as its counts are taken, so
 * a long history costs no allocation and no separate reset. One per thread ({@link #forThisThread}); not thread-safe.
 */
final class SharedTerms {

    private static final ThreadLocal<SharedTerms> PER_THREAD = ThreadLocal.withInitial(SharedTerms::new);

    private int[] counts = new int[0];
    private int[] touched = new int[0];
    private int touchedCount;

    private SharedTerms() {}

    /** This thread's counter, for corrected tasks numbered below {@code documents}; every count taken before reuse. */
    static SharedTerms forThisThread(int documents) {
        SharedTerms counter = PER_THREAD.get();
        for (int i = 0; i < counter.touchedCount; i++) {
            counter.counts[counter.touched[i]] = 0;   // a previous task stopped before taking its counts
        }
        counter.touchedCount = 0;
        if (counter.counts.length < documents) {
            counter.counts = new int[documents];
            counter.touched = new int[documents];
        }
        return counter;
    }

    /** Counts one shared term for each id of an ascending posting list that lies in {@code [from, to)}. */
    void add(int[] postings, int from, int to) {
        int start = from == 0 ? 0 : firstAtLeast(postings, from);
        for (int i = start; i < postings.length; i++) {
            int id = postings[i];
            if (id >= to) {
                return;
            }
            if (counts[id]++ == 0) {
                touched[touchedCount++] = id;
            }
        }
    }

    private static int firstAtLeast(int[] ascending, int value) {
        int found = java.util.Arrays.binarySearch(ascending, value);
        return found >= 0 ? found : -found - 1;
    }

    /** How many corrected tasks share at least one term. */
    int size() {
        return touchedCount;
    }

    /** The {@code i}th corrected task that shares a term, in the order first met. */
    int document(int i) {
        return touched[i];
    }

    /** How many terms a corrected task shares, emptying its counter; once every one is taken the counter is clean. */
    int take(int document) {
        int count = counts[document];
        counts[document] = 0;
        return count;
    }

    /** Says every count was taken, so the next task starts without emptying anything. */
    void allTaken() {
        touchedCount = 0;
    }
}

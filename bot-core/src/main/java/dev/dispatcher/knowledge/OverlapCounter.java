package dev.dispatcher.knowledge;

import java.util.Arrays;

/**
 * Counts, for one task at a time, how many of its terms each indexed document shares, through posting lists: a counter
 * per document in a reusable array instead of a map, because a common word's posting list reaches thousands of
 * documents and boxing each count cost most of a route. One per thread ({@link #forThisThread(int)}); not thread-safe.
 */
public final class OverlapCounter {

    private static final ThreadLocal<OverlapCounter> PER_THREAD = ThreadLocal.withInitial(OverlapCounter::new);

    private int[] counts = new int[0];
    private int[] touched = new int[0];
    private int touchedCount;

    private OverlapCounter() {}

    /** This thread's counter, emptied and large enough for {@code documents} documents. */
    public static OverlapCounter forThisThread(int documents) {
        OverlapCounter counter = PER_THREAD.get();
        counter.reset(documents);
        return counter;
    }

    private void reset(int documents) {
        for (int i = 0; i < touchedCount; i++) {
            counts[touched[i]] = 0;
        }
        touchedCount = 0;
        if (counts.length < documents) {
            counts = new int[documents];
            touched = new int[documents];
        }
    }

    /** Counts one shared term for each document in a posting list (ids below the size given to {@link #forThisThread}). */
    public void add(int[] postings) {
        for (int id : postings) {
            if (id < counts.length) {
                if (counts[id]++ == 0) {
                    touched[touchedCount++] = id;
                }
            }
        }
    }

    /** How many documents share at least one term. */
    public int size() {
        return touchedCount;
    }

    /** The {@code i}th document that shares a term, in the order first met. */
    public int document(int i) {
        return touched[i];
    }

    /** How many terms a document shares. */
    public int count(int document) {
        return counts[document];
    }

    @Override
    public String toString() {
        return "OverlapCounter" + Arrays.toString(Arrays.copyOf(touched, touchedCount));
    }
}

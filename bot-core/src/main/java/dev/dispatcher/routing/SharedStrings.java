package dev.dispatcher.routing;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;

/**
 * One instance per distinct string of the routing vocabulary (the terms and feature keys of the knowledge base, the
 * examples and the keywords), so that a task's strings meet the indexes built from that vocabulary by identity, with
 * their hash already computed. It learns while the indexes are built and stops when training ends ({@link #close}):
 * words that only tasks and corrections bring would make every look-up slower as a team's history grows, and are
 * bounded anyway. Thread-safe.
 */
final class SharedStrings {

    /** A bound no vocabulary reaches (the examples have about 2,300 distinct terms, the keywords 750). */
    static final int LIMIT = 20_000;

    private final Map<String, String> byName = new ConcurrentHashMap<>();
    private volatile boolean learning = true;

    /**
     * The shared instance of {@code make.apply(name)}, made (and kept while learning) when there is none yet.
     *
     * @param name what the string is made from, the look-up key
     * @param make how to make the string from its name
     */
    String of(String name, UnaryOperator<String> make) {
        String known = byName.get(name);
        if (known != null) {
            return known;
        }
        String made = make.apply(name);
        if (learning && byName.size() < LIMIT) {
            String raced = byName.putIfAbsent(name, made);
            return raced == null ? made : raced;
        }
        return made;
    }

    /** Keeps no new strings from now on: the vocabulary is complete. */
    void close() {
        learning = false;
    }

    int size() {
        return byName.size();
    }
}

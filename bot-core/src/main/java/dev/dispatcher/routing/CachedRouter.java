package dev.dispatcher.routing;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import com.github.benmanes.caffeine.cache.stats.CacheStats;
import java.time.Duration;
import java.util.Locale;

/**
 * Remembers recent decisions so a task asked again (a retry, a colleague pasting the same bug) is answered without
 * re-scoring. Bounded by size and age; keyed on the whitespace- and case-folded part of the text that routing reads
 * (a 10 MB paste costs a key of at most {@code routedChars} characters) together with the version of the correction
 * memory, so a new correction is never answered from a stale entry. Correctness never depends on it.
 * Thread-safe.
 */
public final class CachedRouter implements Router {

    private record Key(String routed, boolean longer, long correctionsVersion) {}

    private final Router delegate;
    private final CorrectionMemory corrections;
    private final int routedChars;
    private final Cache<Key, RoutingDecision> cache;

    /**
     * @param delegate    the router whose answers to remember
     * @param corrections the memory whose version makes entries stale when corrections change
     * @param maxEntries  how many decisions to keep at most
     * @param maxAge      how long a decision may be reused
     * @param routedChars how many characters of a task routing reads: texts that agree on those decide alike
     * @param ticker      time source, {@link Ticker#systemTicker()} outside tests
     */
    public CachedRouter(Router delegate, CorrectionMemory corrections, long maxEntries, Duration maxAge,
            int routedChars, Ticker ticker) {
        if (maxEntries < 0) {
            throw new IllegalArgumentException("maxEntries must be >= 0, was " + maxEntries);
        }
        this.delegate = delegate;
        this.corrections = corrections;
        this.routedChars = routedChars;
        this.cache = Caffeine.newBuilder()
                .maximumSize(maxEntries)
                .expireAfterWrite(maxAge)
                .ticker(ticker)
                .recordStats()
                // Maintenance on the caller's thread: handing it to the common pool after every write cost more
                // (about 10 µs a miss, measured with JMH) than the hits saved.
                .executor(Runnable::run)
                .build();
    }

    @Override
    public RoutingDecision route(String task) {
        String text = task == null ? "" : task;
        boolean longer = text.length() > routedChars;
        String routed = longer ? text.substring(0, routedChars) : text;
        String folded = foldWhitespace(routed.strip()).toLowerCase(Locale.ROOT);
        return cache.get(new Key(folded, longer, corrections.version()), key -> delegate.route(task));
    }

    /** Each run of whitespace (what {@code \s} means: space, tab, line breaks, form feed) as one space. */
    static String foldWhitespace(String text) {
        StringBuilder out = new StringBuilder(text.length());
        boolean inRun = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean space = c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
            if (!space) {
                out.append(c);
            } else if (!inRun) {
                out.append(' ');
            }
            inRun = space;
        }
        return out.toString();
    }

    /** Hits, misses and evictions since start. */
    public CacheStats stats() {
        return cache.stats();
    }

    public long size() {
        cache.cleanUp();
        return cache.estimatedSize();
    }

    /** Drops every remembered decision. */
    public void clear() {
        cache.invalidateAll();
    }
}

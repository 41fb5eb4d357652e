package dev.dispatcher.routing;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds configured keywords and phrases in an analysed task, whole terms only, and sums their weights per specialist.
 *
 * <p>Keywords are analysed like tasks, so matching is on stems ("queries" = "query") and never on substrings
 * ("explain" does not contain the keyword "ai"). A keyword that analyses to several terms ("role-based") is matched as
 * a phrase, and the longest phrase found at a place owns its words: a shorter keyword inside it does not count. Immutable
 * and thread-safe.
 */
final class KeywordMatcher {

    /** One configured term: the specialist (by index), the term sequence to find, its weight and its written form. */
    private record Entry(int specialist, List<String> terms, double weight, String written) {}

    private record PatternEntry(int specialist, Specialist.TextPattern pattern, PatternScan scan) {}

    private final Map<String, List<Entry>> byFirstTerm = new HashMap<>();
    private final List<PatternEntry> patterns = new ArrayList<>();
    private final int specialistCount;

    KeywordMatcher(List<Specialist> specialists, TextAnalyzer analyzer) {
        this.specialistCount = specialists.size();
        for (int i = 0; i < specialists.size(); i++) {
            Specialist s = specialists.get(i);
            Map<String, Double> all = new java.util.TreeMap<>(s.keywords());
            all.putAll(s.phrases());
            // Spellings that analyse alike ("log-in", "log in") are one term: keep the strongest weight once.
            Map<List<String>, Entry> distinct = new HashMap<>();
            for (Map.Entry<String, Double> e : all.entrySet()) {
                List<String> terms = analyzer.terms(e.getKey());
                Entry entry = new Entry(i, terms, e.getValue(), e.getKey());
                if (!terms.isEmpty()) {
                    distinct.merge(terms, entry, (a, b) -> a.weight() >= b.weight() ? a : b);
                }
            }
            int index = i;
            s.patterns().forEach(p -> patterns.add(new PatternEntry(index, p, new PatternScan(p.regex()))));
            for (Entry entry : distinct.values()) {
                byFirstTerm.computeIfAbsent(entry.terms().get(0), k -> new ArrayList<>()).add(entry);
            }
        }
    }

    /**
     * The weights and written keywords found in a task, per specialist index.
     *
     * @param terms the task's analysed terms
     * @param text  the task's raw text, for the configured patterns
     */
    Matches match(List<String> terms, String text) {
        double[] scores = new double[specialistCount];
        List<Set<String>> found = new ArrayList<>(specialistCount);
        for (int i = 0; i < specialistCount; i++) {
            found.add(new LinkedHashSet<>());
        }
        Set<Entry> counted = new HashSet<>();
        int[] phraseOwners = null;
        int coveredUntil = 0;
        for (int pos = 0; pos < terms.size(); pos++) {
            List<Entry> candidates = byFirstTerm.get(terms.get(pos));
            if (candidates == null) {
                continue;
            }
            int longest = 0;
            for (Entry entry : candidates) {
                if (startsAt(terms, pos, entry.terms())) {
                    longest = Math.max(longest, entry.terms().size());
                }
            }
            for (Entry entry : candidates) {
                int end = pos + entry.terms().size();
                // The longest phrase owns its words: "logged in" is signing in, not the logs its "log" could be.
                boolean inside = end <= coveredUntil || entry.terms().size() < longest;
                if (!inside && startsAt(terms, pos, entry.terms()) && counted.add(entry)) {
                    scores[entry.specialist()] += entry.weight();
                    found.get(entry.specialist()).add(entry.written());
                    if (entry.terms().size() > 1) {
                        phraseOwners = phraseOwners == null ? newOwners(terms.size()) : phraseOwners;
                        java.util.Arrays.fill(phraseOwners, pos, end, entry.specialist());
                    }
                }
            }
            coveredUntil = Math.max(coveredUntil, pos + longest);
        }
        List<String> patternNames = new ArrayList<>();
        PatternScan.Characters characters = patterns.isEmpty() ? null : PatternScan.Characters.of(text);
        for (PatternEntry entry : patterns) {
            if (entry.scan().foundIn(text, characters)) {
                scores[entry.specialist()] += entry.pattern().weight();
                found.get(entry.specialist()).add(entry.pattern().name());
                patternNames.add(entry.pattern().name());
            }
        }
        List<List<String>> keywords = found.stream().map(s -> (List<String>) List.copyOf(s)).toList();
        return new Matches(scores, keywords, List.copyOf(patternNames), phraseOwners);
    }

    private static int[] newOwners(int size) {
        int[] owners = new int[size];
        java.util.Arrays.fill(owners, -1);
        return owners;
    }

    private static boolean startsAt(List<String> terms, int pos, List<String> wanted) {
        if (pos + wanted.size() > terms.size()) {
            return false;
        }
        for (int i = 1; i < wanted.size(); i++) {
            if (!terms.get(pos + i).equals(wanted.get(i))) {
                return false;
            }
        }
        return true;
    }

    /**
     * Scores and matched keywords (with the names of matched patterns), indexed like the specialist list the matcher
     * was built from; and the matched patterns' names on their own.
     */
    record Matches(double[] scores, List<List<String>> keywords, List<String> patterns, int[] phraseOwners) {

        /** The specialist whose counted phrase owns the term at {@code position}, or -1 (a term on its own). */
        int phraseOwner(int position) {
            return phraseOwners == null || position >= phraseOwners.length ? -1 : phraseOwners[position];
        }
    }
}

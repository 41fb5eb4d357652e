package dev.dispatcher.routing;

import java.util.List;
import java.util.Map;

/**
 * One specialist a task can be routed to, as configured in {@code knowledgebase/routing.yaml}.
 *
 * @param id          stable identifier used in replies, corrections and statistics, e.g. {@code auth-system-architect}
 * @param displayName human name shown in replies
 * @param emoji       emoji shown beside the name
 * @param description one line on what the specialist owns
 * @param priority    tie-break rank, 1 first; only used when two specialists score exactly the same
 * @param document    knowledge-base document, relative to the knowledge-base root
 * @param template    prompt template file, relative to the knowledge-base root
 * @param keywords    single words with their weights, in configuration order
 * @param phrases     multi-word phrases with their weights, in configuration order
 * @param patterns    regular expressions over the raw task text, for shapes words cannot name (exception class
 *                    names, upper-case setting names, status code ranges)
 */
public record Specialist(
        String id,
        String displayName,
        String emoji,
        String description,
        int priority,
        String document,
        String template,
        Map<String, Double> keywords,
        Map<String, Double> phrases,
        List<TextPattern> patterns) {

    public Specialist {
        keywords = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(keywords));
        phrases = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(phrases));
        patterns = List.copyOf(patterns);
    }

    /**
     * A named regular expression and its weight; the name, not the matched text, is what replies show.
     *
     * @param name   what the pattern detects, e.g. {@code python exception}
     * @param regex  the compiled expression, matched anywhere in the task
     * @param weight the weight added when it matches
     */
    public record TextPattern(String name, java.util.regex.Pattern regex, double weight) {}

    /** The name with its emoji, as replies show it. */
    public String label() {
        return emoji.isBlank() ? displayName : emoji + " " + displayName;
    }

    /**
     * Words to suggest in a clarification request: plain keywords of the highest weight, in configuration order (which
     * lists the seed's own keywords first), skipping one that contains or is part of a word already chosen ("emails"
     * after "email") and identifiers (with {@code _}, {@code .}, {@code -} or digits), which say little to a person
     * who was not sure what to ask; phrases only when the keywords run out.
     */
    public List<String> strongestTerms(int limit) {
        List<String> candidates = java.util.stream.Stream.concat(
                        keywords.entrySet().stream().filter(e -> isPlainWord(e.getKey())), phrases.entrySet().stream())
                .sorted(Map.Entry.<String, Double>comparingByValue().reversed())   // stable: configuration order kept
                .map(Map.Entry::getKey)
                .toList();
        List<String> chosen = new java.util.ArrayList<>();
        for (String term : candidates) {
            if (chosen.size() == limit) {
                break;
            }
            if (chosen.stream().noneMatch(c -> c.contains(term) || term.contains(c))) {
                chosen.add(term);
            }
        }
        return List.copyOf(chosen);
    }

    private static boolean isPlainWord(String keyword) {
        return keyword.length() > 2 && keyword.chars().allMatch(Character::isLetter);
    }
}

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
 * @param keywords    single words with their weights, as written in the configuration
 * @param phrases     multi-word phrases with their weights
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
        keywords = Map.copyOf(keywords);
        phrases = Map.copyOf(phrases);
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

    /** The configured keywords and phrases, highest weight first, for suggestions in clarification requests. */
    public List<String> strongestTerms(int limit) {
        return java.util.stream.Stream.concat(keywords.entrySet().stream(), phrases.entrySet().stream())
                .sorted(Map.Entry.<String, Double>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(limit)
                .map(Map.Entry::getKey)
                .toList();
    }
}

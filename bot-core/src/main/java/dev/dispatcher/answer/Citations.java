package dev.dispatcher.answer;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which of the numbered knowledge-base sections a model answer cites ({@code [1]}, {@code [2, 3]}), and the answer
 * without the trailing {@code Sources:} line the links replace.
 */
final class Citations {

    private static final Pattern REFERENCE = Pattern.compile("\\[(\\d{1,2}(?:\\s*,\\s*\\d{1,2})*)\\]");
    private static final Pattern SOURCES_LINE = Pattern.compile("(?im)^\\s*\\**sources\\**\\s*:.*$");
    /** "Sources: [1], [2]" at the very end, also after text on the same line. */
    private static final Pattern TRAILING_SOURCES = Pattern.compile("(?i)\\s*\\**sources\\**\\s*:[\\s\\[\\],0-9]*$");

    private Citations() {}

    /** The excerpts cited, in their order; numbers outside the list are ignored. */
    static List<Excerpt> cited(String answer, List<Excerpt> given) {
        TreeSet<Integer> numbers = new TreeSet<>();
        Matcher m = REFERENCE.matcher(answer);
        while (m.find()) {
            for (String n : m.group(1).split(",")) {
                numbers.add(Integer.parseInt(n.strip()));
            }
        }
        List<Excerpt> out = new ArrayList<>();
        for (int n : numbers) {
            if (n >= 1 && n <= given.size()) {
                out.add(given.get(n - 1));
            }
        }
        return out;
    }

    /** The answer without its {@code Sources:} lines and the seed's response header. */
    static String withoutSourcesLine(String answer) {
        String withoutLines = SOURCES_LINE.matcher(answer).replaceAll("");
        return TRAILING_SOURCES.matcher(withoutLines.strip()).replaceAll("").replace("✅ SPECIALIST RESPONSE:", "").strip();
    }
}

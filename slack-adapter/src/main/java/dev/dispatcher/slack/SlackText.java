package dev.dispatcher.slack;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Slack's text rules in one place: user text is escaped before it is echoed, so {@code <!channel>}, {@code <!here>} or
 * {@code <@U123>} typed in a task is shown, never acted on.
 */
final class SlackText {

    /** Slack's limit for a section block's text. */
    static final int SECTION_LIMIT = 3000;

    private static final Pattern USER_ID = Pattern.compile("[UW][A-Z0-9]{2,}");
    private static final String FENCE = "```";

    private SlackText() {}

    /** Escapes the three characters Slack reads as control characters: {@code &}, {@code <}, {@code >}. */
    static String escape(String text) {
        if (text == null) {
            return "";
        }
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    /**
     * Undoes the escaping Slack applies to what users type, so the core sees the task verbatim; broadcast and user
     * tokens ({@code <!channel>}) stay as Slack sent them and are escaped again when echoed.
     */
    static String unescape(String text) {
        if (text == null) {
            return "";
        }
        return text.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
    }

    /** Cuts user text for a one-line mention, before escaping, so an entity such as {@code &lt;} is never split. */
    static String shorten(String text, int maxChars) {
        String oneLine = text.strip().replaceAll("\\s+", " ");
        return oneLine.length() <= maxChars ? oneLine : oneLine.substring(0, maxChars - 1).strip() + "…";
    }

    /** A mention of a Slack user id as Slack sent it, or the escaped text when it does not look like one. */
    static String mention(String userId) {
        return userId != null && USER_ID.matcher(userId).matches() ? "<@" + userId + ">" : escape(userId);
    }

    /**
     * Escapes text and wraps it in preformatted blocks ({@code ```…```}) of at most {@code limit} characters each, cut
     * at line ends where possible; a fence inside the text is defused so it cannot close the block early.
     */
    static List<String> preformatted(String text, int limit) {
        int room = limit - 2 * FENCE.length() - 2;
        List<String> chunks = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : text.replace(FENCE, "`\u200B`\u200B`").split("\n", -1)) {
            for (String piece : pieces(escape(line), room)) {
                if (current.length() > 0 && current.length() + 1 + piece.length() > room) {
                    chunks.add(fenced(current));
                    current.setLength(0);
                }
                if (current.length() > 0) {
                    current.append('\n');
                }
                current.append(piece);
            }
        }
        if (current.length() > 0 || chunks.isEmpty()) {
            chunks.add(fenced(current));
        }
        return chunks;
    }

    /** Splits an escaped line longer than {@code room}, never inside an entity such as {@code &amp;}. */
    private static List<String> pieces(String escapedLine, int room) {
        List<String> pieces = new ArrayList<>();
        String rest = escapedLine;
        while (rest.length() > room) {
            int cut = room;
            int amp = rest.lastIndexOf('&', cut - 1);
            if (amp > cut - 5 && amp > 0) {
                cut = amp;
            }
            pieces.add(rest.substring(0, cut));
            rest = rest.substring(cut);
        }
        pieces.add(rest);
        return pieces;
    }

    private static String fenced(CharSequence body) {
        return FENCE + "\n" + body + "\n" + FENCE;
    }
}

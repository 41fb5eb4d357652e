package dev.dispatcher.discord;

import java.util.regex.Pattern;
import net.dv8tion.jda.api.utils.MarkdownSanitizer;

/**
 * Makes text a user typed safe to echo: it can neither ping ({@code @everyone}, {@code @here}, {@code <@id>},
 * {@code <@&role>}) nor break out of the markdown around it.
 *
 * <p>Allowed mentions are switched off on every message as well; this is the second lock on the same door, and the one
 * that also protects embeds and thread names, where allowed mentions do not apply.
 */
final class UserText {

    private static final char ZERO_WIDTH_SPACE = '\u200b';
    private static final Pattern MASS_MENTION = Pattern.compile("@(everyone|here)", Pattern.CASE_INSENSITIVE);

    private UserText() {}

    /** For text shown as markdown (embed descriptions, notes): markdown escaped, mentions broken. */
    static String inline(String text) {
        return breakMentions(MarkdownSanitizer.escape(text == null ? "" : text));
    }

    /** For text inside a fenced code block: a fence in the text would close ours early, so it is broken up. */
    static String insideCodeBlock(String text) {
        return breakMentions((text == null ? "" : text).replace("```", "`" + ZERO_WIDTH_SPACE + "`" + ZERO_WIDTH_SPACE + "`"));
    }

    /**
     * For model output shown as Markdown (an answer): its formatting and code blocks kept, but no mention can form, not
     * even a channel, role or user mention written out by hand.
     */
    static String markdown(String text) {
        return breakMentions(text == null ? "" : text).replace("<#", "<" + ZERO_WIDTH_SPACE + "#");
    }

    /** One line of at most {@code max} characters, for thread names and select-menu labels. */
    static String oneLine(String text, int max) {
        String flat = breakMentions(text == null ? "" : text).replaceAll("\\s+", " ").strip();
        return flat.length() <= max ? flat : flat.substring(0, Math.max(0, max - 1)).stripTrailing() + "…";
    }

    private static String breakMentions(String text) {
        String out = MASS_MENTION.matcher(text).replaceAll("@" + ZERO_WIDTH_SPACE + "$1");
        return out.replace("<@", "<" + ZERO_WIDTH_SPACE + "@");
    }
}

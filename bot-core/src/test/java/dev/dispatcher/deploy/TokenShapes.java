package dev.dispatcher.deploy;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Strings shaped like real credentials: Slack tokens ({@code xoxb-<digits>-<digits>-<secret>}, {@code xapp-1-...}),
 * Discord bot tokens (three base64url parts joined by dots) and Slack signing secrets (32 hex digits). Placeholders
 * such as {@code xoxb-replace-me} do not match.
 */
final class TokenShapes {

    private static final List<Pattern> SHAPES = List.of(
            Pattern.compile("xox[abeoprs]-\\d+-[0-9A-Za-z-]{10,}"),
            Pattern.compile("xapp-\\d-[0-9A-Z]+-\\d+-[0-9a-f]{20,}"),
            Pattern.compile("(?<![\\w-])[\\w-]{23,28}\\.[\\w-]{6,7}\\.[\\w-]{27,40}(?![\\w-])"),
            Pattern.compile("(?<![0-9A-Za-z])[0-9a-f]{32}(?![0-9A-Za-z])"));

    private TokenShapes() {}

    /** The token-shaped strings in the text, redacted to their first characters so a failure never prints a secret. */
    static List<String> find(String text) {
        List<String> found = new ArrayList<>();
        for (Pattern shape : SHAPES) {
            Matcher m = shape.matcher(text);
            while (m.find()) {
                found.add(m.group().substring(0, 6) + "... (" + m.group().length() + " characters)");
            }
        }
        return found;
    }
}

package dev.dispatcher.knowledge;

/**
 * A level-two section of a knowledge-base document: the unit a task is matched against and a link points at.
 *
 * @param specialistId owner of the document
 * @param heading      heading text without the {@code ##}
 * @param anchor       GitHub-style anchor of the heading, e.g. {@code token-expiry-and-refresh}
 * @param body         the section's text, heading included
 */
public record Section(String specialistId, String heading, String anchor, String body) {

    /** The anchor GitHub renders for a heading: lower case, punctuation dropped, spaces to hyphens. */
    public static String anchorOf(String heading) {
        StringBuilder out = new StringBuilder();
        for (char c : heading.trim().toLowerCase(java.util.Locale.ROOT).toCharArray()) {
            if (Character.isLetterOrDigit(c) || c == '-' || c == '_') {
                out.append(c);
            } else if (c == ' ') {
                out.append('-');
            }
        }
        return out.toString();
    }
}

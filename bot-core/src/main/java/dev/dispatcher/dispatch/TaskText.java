package dev.dispatcher.dispatch;

/**
 * What counts as something written in a task. A task made only of spaces, no-break spaces, zero-width characters and
 * other invisible marks says nothing a person could read: every front end treats it as empty (usage help, not a
 * routed and stored task).
 */
public final class TaskText {

    private TaskText() {}

    /** Whether the text has no character a person could see. */
    public static boolean isBlank(String text) {
        if (text == null) {
            return true;
        }
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            if (!isInvisible(c)) {
                return false;
            }
            i += Character.charCount(c);
        }
        return true;
    }

    /**
     * Spaces of every kind (U+00A0, U+2007, U+202F, U+3000 …), control characters, format characters (zero-width space
     * and joiners, word joiner, byte-order mark, soft hyphen, direction marks), and the fillers that render blank.
     */
    private static boolean isInvisible(int c) {
        int type = Character.getType(c);
        return Character.isWhitespace(c) || Character.isSpaceChar(c)
                || type == Character.CONTROL || type == Character.FORMAT
                || c == 0x115F || c == 0x1160 || c == 0x3164 || c == 0xFFA0 || c == 0x2800;
    }
}

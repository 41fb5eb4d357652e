package dev.dispatcher.reply;

/**
 * Text for a terminal, with every control character made visible: a task cannot retitle the terminal, clear it,
 * hide what follows or reorder it. Line feeds and tabs stay; other C0 controls become their Unicode control pictures
 * ({@code ESC} shows as {@code ␛}, a carriage return as {@code ␍}); DEL, C1 controls and the invisible
 * direction overrides show as {@code <U+009B>}.
 */
public final class TerminalText {

    private TerminalText() {}

    /** The text as it may be printed to a terminal. */
    public static String visible(String text) {
        if (text == null || text.chars().noneMatch(TerminalText::needsPicture)) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        text.chars().forEach(c -> {
            if (!needsPicture(c)) {
                out.append((char) c);
            } else if (c < 0x20) {
                out.append((char) (0x2400 + c));
            } else if (c == 0x7F) {
                out.append('\u2421');
            } else {
                out.append(String.format("<U+%04X>", c));
            }
        });
        return out.toString();
    }

    private static boolean needsPicture(int c) {
        return (c < 0x20 && c != '\n' && c != '\t')
                || (c >= 0x7F && c <= 0x9F)
                || (c >= 0x202A && c <= 0x202E)
                || (c >= 0x2066 && c <= 0x2069)
                || c == 0x200E || c == 0x200F || c == 0x061C;
    }
}

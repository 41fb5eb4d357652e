package dev.dispatcher.routing;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds a configured pattern in a task by trying it only where a match could begin, instead of at every character as
 * {@link Matcher#find()} does: a task without a capital letter never runs "python exception", one without a digit
 * never runs "5xx status". Which characters can begin a match is worked out once, by trying the pattern on every
 * ASCII character after every ASCII character (or none), so it holds for any expression, not only the shipped ones.
 *
 * <p>The answer is always {@code find()}'s: the leftmost match begins at a character that can begin one, and each
 * attempt sees the whole text (transparent bounds, no anchoring at the attempt), as {@code find()}'s does. Where the
 * character or the one before it is not ASCII, or the pattern can match nothing at all, or looks further back than one
 * character (a lookbehind, {@code \G}), every place is tried. Immutable and thread-safe.
 */
final class PatternScan {

    private static final int ASCII = 128;

    private final Pattern pattern;
    /** Per character before (index 0: none; 1 + c: ASCII c), the ASCII characters a match can begin on, as bits. */
    private final long[][] starts;
    /** The ASCII characters a match can begin on after any character, as bits. */
    private final long[] anyStart = new long[2];
    /** Whether every place must be tried, as {@code find()} would. */
    private final boolean everywhere;

    PatternScan(Pattern pattern) {
        this.pattern = pattern;
        String source = pattern.pattern();
        boolean looksBack = source.contains("(?<") || source.contains("\\G") || (pattern.flags() & Pattern.CANON_EQ) != 0;
        this.starts = new long[ASCII + 1][2];
        this.everywhere = looksBack || !learnStarts();
        for (long[] after : starts) {
            anyStart[0] |= after[0];
            anyStart[1] |= after[1];
        }
    }

    /** Which characters a text has, read once for all patterns, so most patterns are passed over at once. */
    record Characters(long low, long high, boolean beyondAscii) {

        static Characters of(String text) {
            long low = 0;
            long high = 0;
            boolean beyond = false;
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (c >= ASCII) {
                    beyond = true;
                } else if (c < 64) {
                    low |= 1L << c;
                } else {
                    high |= 1L << (c - 64);
                }
            }
            return new Characters(low, high, beyond);
        }
    }

    /** {@link #foundIn(String)}, passing over the text at once when none of its characters can begin a match. */
    boolean foundIn(String text, Characters characters) {
        if (!everywhere && !characters.beyondAscii()
                && (characters.low() & anyStart[0]) == 0 && (characters.high() & anyStart[1]) == 0) {
            return false;
        }
        return foundIn(text);
    }

    /** Fills {@link #starts}; false when the pattern can match the empty string, so a match may begin anywhere. */
    private boolean learnStarts() {
        StringBuilder text = new StringBuilder(2);
        Matcher m = pattern.matcher(text).useTransparentBounds(true).useAnchoringBounds(false);
        for (int before = -1; before < ASCII; before++) {
            int offset = before < 0 ? 0 : 1;
            text.setLength(0);
            if (before >= 0) {
                text.append((char) before);
            }
            if (m.region(offset, offset).lookingAt()) {
                return false;
            }
            text.append(' ');
            for (char c = 0; c < ASCII; c++) {
                text.setCharAt(offset, c);
                boolean matched = m.region(offset, offset + 1).lookingAt();
                if (matched && m.end() == offset) {
                    return false;
                }
                if (matched || m.hitEnd()) {
                    starts[before + 1][c >> 6] |= 1L << (c & 63);
                }
            }
        }
        return true;
    }

    /** Whether the pattern occurs anywhere in the text: what {@code pattern.matcher(text).find()} answers. */
    boolean foundIn(String text) {
        if (everywhere) {
            return pattern.matcher(text).find();
        }
        Matcher matcher = null;
        int length = text.length();
        for (int i = 0; i < length; i++) {
            if (canStart(text, i)) {
                if (matcher == null) {
                    matcher = pattern.matcher(text).useTransparentBounds(true).useAnchoringBounds(false);
                }
                if (matcher.region(i, length).lookingAt()) {
                    return true;
                }
            }
        }
        return false;
    }

    private boolean canStart(String text, int i) {
        char c = text.charAt(i);
        int before = i == 0 ? -1 : text.charAt(i - 1);
        if (c >= ASCII || before >= ASCII) {
            return true;
        }
        return (starts[before + 1][c >> 6] & 1L << (c & 63)) != 0;
    }
}

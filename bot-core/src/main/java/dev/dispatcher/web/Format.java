package dev.dispatcher.web;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** How the page writes numbers and times: percentages as {@code stats} prints them, times in UTC to the minute. */
public final class Format {

    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private Format() {}

    /** {@code 87.5%}, or {@code n/a} when nothing was counted: the same text {@code ./dispatcher stats} prints. */
    public static String percent(Double fraction) {
        return fraction == null ? "n/a" : String.format(Locale.ROOT, "%.1f%%", fraction * 100);
    }

    public static String time(Instant instant) {
        return MINUTE.format(instant);
    }

    /** A task cut to a length a table row can show; the whole task is in the cell's title. */
    public static String shortText(String text, int chars) {
        return text.length() <= chars ? text : text.substring(0, chars) + "…";
    }
}

package dev.dispatcher.web;

import dev.dispatcher.feedback.RoutingStats;
import dev.dispatcher.feedback.StatsScope;
import dev.dispatcher.routing.SpecialistCatalog;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/**
 * What the page is asked to show: a time range (the last 7, 30, 90 or 365 days, all time, or dates from and to,
 * UTC, both included), optionally one specialist, platform or channel, chat traffic or everything, and a page of the
 * flagged decisions. Parsed strictly: an unknown range, a malformed date, an unknown specialist is a
 * {@link BadRequest}, never a guess.
 *
 * @param range      {@code 7d}, {@code 30d}, {@code 90d}, {@code 365d} or {@code all}; ignored when dates are given
 * @param from       first day counted, or {@code null}
 * @param to         last day counted, or {@code null}
 * @param specialist only tasks routed to this specialist, or {@code null}
 * @param platform   only tasks asked on this platform, or {@code null}
 * @param channel    only tasks asked in this channel, or {@code null}
 * @param all        whether the command line's decisions count too (as {@code stats --all})
 * @param page       page of the flagged decisions, from 1
 */
public record Filters(String range, LocalDate from, LocalDate to, String specialist, String platform, String channel,
                      boolean all, int page) {

    /** The ranges offered, with their length; {@code all} has none. */
    static final Map<String, Duration> RANGES = rangeLengths();

    static final String DEFAULT_RANGE = "30d";

    private static Map<String, Duration> rangeLengths() {
        Map<String, Duration> ranges = new LinkedHashMap<>();
        for (int days : List.of(7, 30, 90, 365)) {
            ranges.put(days + "d", Duration.ofDays(days));
        }
        ranges.put("all", null);
        return ranges;
    }

    /** Reads the filters of a request; anything unusable is a {@link BadRequest} naming the field. */
    static Filters parse(FormFields fields, SpecialistCatalog catalog) {
        String range = fields.get("range");
        if (range == null) {
            range = DEFAULT_RANGE;
        } else if (!RANGES.containsKey(range)) {
            throw new BadRequest("range must be one of " + String.join(", ", RANGES.keySet()));
        }
        LocalDate from = date(fields, "from");
        LocalDate to = date(fields, "to");
        if (from != null && to != null && from.isAfter(to)) {
            throw new BadRequest("from must not be after to");
        }
        String specialist = fields.get("specialist");
        if (specialist != null && catalog.find(specialist).isEmpty()) {
            throw new BadRequest("there is no specialist with that id");
        }
        String platform = fields.get("platform");
        if (platform != null && !platform.matches("[a-z][a-z0-9_-]{0,31}")) {
            throw new BadRequest("platform must be a platform name such as slack, discord or shell");
        }
        String channel = fields.get("channel");
        if (channel != null && (channel.length() > 128 || channel.chars().anyMatch(Character::isISOControl))) {
            throw new BadRequest("channel must be a channel id of at most 128 characters");
        }
        String traffic = fields.get("traffic");
        if (traffic != null && !traffic.equals("chat") && !traffic.equals("all")) {
            throw new BadRequest("traffic must be chat or all");
        }
        return new Filters(range, from, to, specialist, platform, channel, "all".equals(traffic), page(fields));
    }

    /** Which decisions these filters count, at the clock's present. */
    public StatsScope scope(Clock clock) {
        long since;
        Long until = null;
        if (from != null || to != null) {
            since = from == null ? Long.MIN_VALUE : from.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
            until = to == null ? null : to.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
        } else {
            Duration length = RANGES.get(range);
            since = length == null ? Long.MIN_VALUE : clock.millis() - length.toMillis();
        }
        return new StatsScope(since, until, all ? RoutingStats.Traffic.ALL : RoutingStats.Traffic.CHAT, specialist, platform, channel);
    }

    /** What the range shows, e.g. {@code last 30 days} or {@code 2026-01-01 to 2026-01-31}. */
    public String label() {
        if (from != null || to != null) {
            return (from == null ? "the beginning" : from.toString()) + " to " + (to == null ? "now" : to.toString());
        }
        return range.equals("all") ? "all time" : "last " + range.substring(0, range.length() - 1) + " days";
    }

    /** The same filters on another page of flagged decisions. */
    public Filters onPage(int other) {
        return new Filters(range, from, to, specialist, platform, channel, all, other);
    }

    /** These filters as a query string (without {@code ?}), the page left out when it is the first. */
    public String query() {
        StringJoiner query = new StringJoiner("&");
        add(query, "range", range.equals(DEFAULT_RANGE) ? null : range);
        add(query, "from", from == null ? null : from.toString());
        add(query, "to", to == null ? null : to.toString());
        add(query, "specialist", specialist);
        add(query, "platform", platform);
        add(query, "channel", channel);
        add(query, "traffic", all ? "all" : null);
        add(query, "page", page == 1 ? null : Integer.toString(page));
        return query.toString();
    }

    /** The page's address with these filters. */
    public String href() {
        String query = query();
        return query.isEmpty() ? "/" : "/?" + query;
    }

    private static void add(StringJoiner query, String name, String value) {
        if (value != null) {
            query.add(name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8));
        }
    }

    private static LocalDate date(FormFields fields, String name) {
        String value = fields.get(name);
        if (value == null) {
            return null;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw new BadRequest(name + " must be a date such as 2026-01-31");
        }
    }

    private static int page(FormFields fields) {
        String value = fields.get("page");
        if (value == null) {
            return 1;
        }
        if (!value.matches("[0-9]{1,6}") || Integer.parseInt(value) < 1) {
            throw new BadRequest("page must be a whole number from 1");
        }
        return Integer.parseInt(value);
    }
}

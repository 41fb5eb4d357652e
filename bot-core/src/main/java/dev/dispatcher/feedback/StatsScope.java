package dev.dispatcher.feedback;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Which stored decisions a statistic counts: those routed from {@code since} (inclusive) until {@code until}
 * (exclusive), of the chosen traffic, and optionally only one specialist's, one platform's or one channel's. The
 * command line's {@code stats} uses time and traffic alone; the web page adds the rest. Every reader of the figures
 * builds its SQL condition here, so the same scope always means the same rows.
 *
 * @param since      earliest {@code created_at} counted (epoch milliseconds), or {@link Long#MIN_VALUE} for all
 * @param until      first {@code created_at} no longer counted, or {@code null} for no end
 * @param traffic    chat only, or everything
 * @param specialist only decisions routed to this specialist, or {@code null}
 * @param platform   only decisions asked on this platform ({@code slack}, {@code discord}, {@code shell}), or {@code null}
 * @param channel    only decisions asked in this channel, or {@code null}
 */
public record StatsScope(long since, Long until, RoutingStats.Traffic traffic, String specialist, String platform, String channel) {

    /** Everything since a moment, of one kind of traffic, as {@code ./dispatcher stats} counts it. */
    public static StatsScope since(long since, RoutingStats.Traffic traffic) {
        return new StatsScope(since, null, traffic, null, null, null);
    }

    /** The SQL condition on the decisions table, aliased {@code d}, with one {@code ?} per {@link #bind} parameter. */
    public String where() {
        StringBuilder sql = new StringBuilder("d.created_at >= ?");
        if (until != null) {
            sql.append(" AND d.created_at < ?");
        }
        if (traffic == RoutingStats.Traffic.CHAT) {
            sql.append(" AND d.source = 'chat'");
        }
        if (specialist != null) {
            sql.append(" AND d.specialist = ?");
        }
        if (platform != null) {
            sql.append(" AND d.platform = ?");
        }
        if (channel != null) {
            sql.append(" AND d.channel = ?");
        }
        return sql.toString();
    }

    /**
     * Binds the condition's parameters, starting at {@code first}.
     *
     * @return the index of the next parameter
     */
    public int bind(PreparedStatement statement, int first) throws SQLException {
        int i = first;
        for (Object value : parameters()) {
            statement.setObject(i++, value);
        }
        return i;
    }

    private List<Object> parameters() {
        List<Object> values = new ArrayList<>();
        values.add(since);
        if (until != null) {
            values.add(until);
        }
        for (String value : new String[] {specialist, platform, channel}) {
            if (value != null) {
                values.add(value);
            }
        }
        return values;
    }
}

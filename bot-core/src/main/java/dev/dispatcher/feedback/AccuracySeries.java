package dev.dispatcher.feedback;

import dev.dispatcher.store.Database;
import dev.dispatcher.store.StoreException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Tasks routed and corrected per day or per week (UTC; weeks start on Monday), counted by the database with the same
 * rule as {@link RoutingStats}: a decision is corrected when its corrections' majority names another specialist. The
 * periods of a scope add up to its window's figures. Thread-safe.
 */
public final class AccuracySeries {

    private static final long DAY = 86_400_000L;

    /** How long one point of the series lasts. */
    public enum Period {
        DAY(0, AccuracySeries.DAY),
        /** ISO weeks: the epoch, 1970-01-01, was a Thursday, three days after a Monday. */
        WEEK(3 * AccuracySeries.DAY, 7 * AccuracySeries.DAY);

        private final long offset;
        private final long width;

        Period(long offset, long width) {
            this.offset = offset;
            this.width = width;
        }
    }

    /**
     * One period's figures.
     *
     * @param start first moment of the period (epoch milliseconds, UTC)
     * @param routed tasks routed in it
     * @param corrected of those, the ones corrected to another specialist
     */
    public record Point(long start, int routed, int corrected) {
        public Double accuracy() {
            return routed == 0 ? null : (routed - corrected) / (double) routed;
        }
    }

    private final Database database;

    public AccuracySeries(Database database) {
        this.database = database;
    }

    /**
     * The weeks of a scope, summed from its days: a week is seven whole UTC days, so this is the same as counting
     * by week in the database, for one query less.
     */
    public static List<Point> weeks(List<Point> days) {
        Map<Long, int[]> weeks = new TreeMap<>();
        for (Point day : days) {
            long week = (day.start() + Period.WEEK.offset) / Period.WEEK.width;
            int[] sum = weeks.computeIfAbsent(week, w -> new int[2]);
            sum[0] += day.routed();
            sum[1] += day.corrected();
        }
        List<Point> points = new ArrayList<>();
        weeks.forEach((week, n) -> points.add(new Point(week * Period.WEEK.width - Period.WEEK.offset, n[0], n[1])));
        return points;
    }

    /** The periods of a scope that have any task, oldest first. */
    public List<Point> of(StatsScope scope, Period period) {
        StatsQueries sql = new StatsQueries(scope, database.dialect());
        Map<Long, int[]> buckets = new TreeMap<>();
        try (Connection c = database.connection()) {
            read(c, sql.routedPer(period.offset, period.width), scope, (bucket, n) -> buckets.computeIfAbsent(bucket, b -> new int[2])[0] = n);
            read(c, sql.correctedPer(period.offset, period.width), scope, (bucket, n) -> buckets.computeIfAbsent(bucket, b -> new int[2])[1] = n);
        } catch (SQLException e) {
            throw new StoreException("cannot compute the accuracy series: " + e.getMessage(), e);
        }
        List<Point> points = new ArrayList<>();
        buckets.forEach((bucket, n) -> points.add(new Point(bucket * period.width - period.offset, n[0], n[1])));
        return points;
    }

    private interface Count {
        void add(long bucket, int n);
    }

    private static void read(Connection c, String sql, StatsScope scope, Count count) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            scope.bind(s, 1);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    count.add(rs.getLong(1), rs.getInt(2));
                }
            }
        }
    }
}

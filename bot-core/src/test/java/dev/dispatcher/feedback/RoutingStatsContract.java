package dev.dispatcher.feedback;

import static dev.dispatcher.testkit.StoreKit.decision;
import static dev.dispatcher.testkit.StoreKit.reply;
import static dev.dispatcher.testkit.StoreKit.task;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dispatcher.ops.DispatcherMetrics;
import dev.dispatcher.routing.SpecialistCatalog;
import dev.dispatcher.store.Database;
import dev.dispatcher.store.DecisionLog;
import dev.dispatcher.store.FeedbackStore;
import dev.dispatcher.testkit.StoreKit;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Routing statistics match the stored records exactly, window by window, on every database the bot supports.
 * Subclasses pick the database: {@link RoutingStatsOnSqliteTest}, {@link RoutingStatsOnPostgresTest}.
 *
 * <p>The records, with "now" fixed at {@link #NOW}:
 * <pre>
 * 40 days old  database-architect        corrected to auth by U1
 *              api-endpoints-architect   -
 *  8 days old  database-architect        flagged by U1, U2; corrected to auth by U1, U2, to api by U3 (auth wins)
 *              troubleshooting-architect flagged by U4, never corrected
 *              auth-system-architect     -
 *  today       database-architect        corrected to auth by U5
 *              database-architect        -
 *              config-architect          corrected to services by U6
 * </pre>
 * A correction flags too, so U3, U5, U6 and U1 (on the old one) each also count as a flag.
 */
abstract class RoutingStatsContract {

    private static final Instant NOW = Instant.parse("2026-03-31T12:00:00Z");
    private static final SpecialistCatalog CATALOG = StoreKit.repositoryCatalog();

    private final StoreKit.TestClock clock = new StoreKit.TestClock(NOW);
    private final AtomicInteger messages = new AtomicInteger();
    private DecisionLog decisions;
    private Feedback feedback;
    private RoutingStats stats;
    private Database backendDatabase;

    /** The database under test. */
    abstract StoreKit.Backend backend();

    @BeforeEach
    void recordHistory() {
        Database database = backend().openNew();
        backendDatabase = database;
        decisions = new DecisionLog(database, clock);
        feedback = new Feedback(decisions, new FeedbackStore(database, clock), CATALOG, () -> { }, new DispatcherMetrics());
        stats = new RoutingStats(database, CATALOG, clock);

        String old = routed(Duration.ofDays(40), "database-architect");
        routed(Duration.ofDays(40), "api-endpoints-architect");
        String lastWeek = routed(Duration.ofDays(8), "database-architect");
        String symptom = routed(Duration.ofDays(8), "troubleshooting-architect");
        routed(Duration.ofDays(8), "auth-system-architect");
        String today = routed(Duration.ZERO, "database-architect");
        routed(Duration.ZERO, "database-architect");
        String config = routed(Duration.ZERO, "config-architect");

        clock.set(NOW);
        correct(old, "auth-system-architect", "U1");
        flag(lastWeek, "U1");
        flag(lastWeek, "U2");
        correct(lastWeek, "auth-system-architect", "U1");
        correct(lastWeek, "auth-system-architect", "U2");
        correct(lastWeek, "api-endpoints-architect", "U3");
        flag(symptom, "U4");
        correct(today, "auth-system-architect", "U5");
        correct(config, "services-architect", "U6");
    }

    private String routed(Duration age, String specialist) {
        clock.set(NOW.minus(age));
        String id = decisions.record(task("some backend task", "U-asker"), decision(specialist));
        decisions.attach(id, reply("300." + messages.incrementAndGet()));
        return id;
    }

    private void flag(String decisionId, String user) {
        String message = decisions.find(decisionId).orElseThrow().replyKey().replaceAll(".*:", "");
        assertThat(feedback.flag(reply(message), user)).isPresent();
    }

    private void correct(String decisionId, String specialist, String user) {
        assertThat(feedback.correct(decisionId, specialist, user).recorded()).isTrue();
    }

    @Test
    @DisplayName("the last 7 days count only today's three decisions")
    void lastSevenDays() {
        // WHEN the statistics are computed
        RoutingStats.Window week = stats.standardWindows().get(0);

        // THEN they count today's decisions, their flags and corrections, and nothing older
        assertThat(week.name()).isEqualTo("last 7 days");
        assertThat(totals(week)).isEqualTo("3 routed, 2 flagged, 2 flags, 2 corrections, 2 corrected, accuracy 0.333");
        assertThat(perSpecialist(week)).containsExactly(
                "database-architect: 2 routed, 1 flagged, 1 corrected, accuracy 0.500",
                "config-architect: 1 routed, 1 flagged, 1 corrected, accuracy 0.000");
        assertThat(week.confusions()).containsExactly(
                new RoutingStats.Confusion("config-architect", "services-architect", 1),
                new RoutingStats.Confusion("database-architect", "auth-system-architect", 1));
    }

    @Test
    @DisplayName("the last 30 days add the decisions of 8 days ago, with their flags and majority corrections")
    void lastThirtyDays() {
        // WHEN the statistics are computed
        RoutingStats.Window month = stats.standardWindows().get(1);

        // THEN the 8-day-old decisions count: two of three corrections named auth, so it counts as auth
        assertThat(month.name()).isEqualTo("last 30 days");
        assertThat(totals(month)).isEqualTo("6 routed, 4 flagged, 6 flags, 5 corrections, 3 corrected, accuracy 0.500");
        assertThat(perSpecialist(month)).containsExactly(
                "auth-system-architect: 1 routed, 0 flagged, 0 corrected, accuracy 1.000",
                "database-architect: 3 routed, 2 flagged, 2 corrected, accuracy 0.333",
                "troubleshooting-architect: 1 routed, 1 flagged, 0 corrected, accuracy 1.000",
                "config-architect: 1 routed, 1 flagged, 1 corrected, accuracy 0.000");
        assertThat(month.confusions()).containsExactly(
                new RoutingStats.Confusion("database-architect", "auth-system-architect", 2),
                new RoutingStats.Confusion("config-architect", "services-architect", 1));
    }

    @Test
    @DisplayName("all time counts every decision, however old, and flags made today on old decisions")
    void allTime() {
        // WHEN the statistics are computed
        RoutingStats.Window ever = stats.standardWindows().get(2);

        // THEN everything counts
        assertThat(ever.name()).isEqualTo("all time");
        assertThat(totals(ever)).isEqualTo("8 routed, 5 flagged, 7 flags, 6 corrections, 4 corrected, accuracy 0.500");
        assertThat(perSpecialist(ever)).containsExactly(
                "auth-system-architect: 1 routed, 0 flagged, 0 corrected, accuracy 1.000",
                "database-architect: 4 routed, 3 flagged, 3 corrected, accuracy 0.250",
                "troubleshooting-architect: 1 routed, 1 flagged, 0 corrected, accuracy 1.000",
                "api-endpoints-architect: 1 routed, 0 flagged, 0 corrected, accuracy 1.000",
                "config-architect: 1 routed, 1 flagged, 1 corrected, accuracy 0.000");
        assertThat(ever.confusions()).containsExactly(
                new RoutingStats.Confusion("database-architect", "auth-system-architect", 3),
                new RoutingStats.Confusion("config-architect", "services-architect", 1));
    }

    @Test
    @DisplayName("a decision made on the command line counts only when all traffic is asked for")
    void commandLineTraffic() {
        // GIVEN a corrected decision from ./dispatcher route, today
        clock.set(NOW);
        String fromCommandLine = decisions.record(new dev.dispatcher.dispatch.Task("Fix CORS issues", "dev",
                new dev.dispatcher.dispatch.ConversationRef("cli", "local", null, "k3x9-1")), decision("api-endpoints-architect"));
        correct(fromCommandLine, "auth-system-architect", "U7");

        // WHEN / THEN the team's statistics are as before; all traffic adds it, its flag and its correction
        assertThat(totals(stats.standardWindows().get(0)))
                .isEqualTo("3 routed, 2 flagged, 2 flags, 2 corrections, 2 corrected, accuracy 0.333");
        RoutingStats.Window all = stats.standardWindows(RoutingStats.Traffic.ALL).get(0);
        assertThat(totals(all)).isEqualTo("4 routed, 3 flagged, 3 flags, 3 corrections, 3 corrected, accuracy 0.250");
        assertThat(all.confusions()).containsExactly(
                new RoutingStats.Confusion("api-endpoints-architect", "auth-system-architect", 1),
                new RoutingStats.Confusion("config-architect", "services-architect", 1),
                new RoutingStats.Confusion("database-architect", "auth-system-architect", 1));
    }

    @Test
    @DisplayName("a tie between corrections goes to the specialist id first in alphabetical order, as learning decides")
    void tieGoesToTheFirstId() {
        // GIVEN a decision two users corrected to two different specialists
        clock.set(NOW);
        String tied = routed(Duration.ZERO, "config-architect");
        correct(tied, "user-management-architect", "U8");
        correct(tied, "api-endpoints-architect", "U9");

        // THEN it counts as corrected to the api architect, alphabetically first, as Majority says
        assertThat(Majority.of(java.util.Map.of("user-management-architect", 1, "api-endpoints-architect", 1)).getKey())
                .isEqualTo("api-endpoints-architect");
        assertThat(stats.standardWindows().get(0).confusions())
                .contains(new RoutingStats.Confusion("config-architect", "api-endpoints-architect", 1))
                .noneMatch(c -> c.correctedTo().equals("user-management-architect"));
    }

    @Test
    @DisplayName("a specialist nobody was routed to has no accuracy rather than a perfect one")
    void noTasksNoAccuracy() {
        // WHEN the statistics are computed
        RoutingStats.Window week = stats.standardWindows().get(0);

        // THEN the user-management architect, routed nothing, shows no accuracy
        RoutingStats.SpecialistLine line = week.specialists().stream()
                .filter(l -> l.specialist().equals("user-management-architect")).findFirst().orElseThrow();
        assertThat(line.routed()).isZero();
        assertThat(line.accuracy()).isNull();
    }

    @Test
    @DisplayName("the JSON rendering carries the same figures")
    void jsonHasTheSameFigures() {
        // WHEN the statistics are rendered as JSON
        List<RoutingStats.Window> windows = stats.standardWindows();
        JsonNode json = StatsRenderer.json(windows, null);

        // THEN each window's figures are there as computed
        assertThat(json.get("windows")).hasSize(3);
        for (int i = 0; i < windows.size(); i++) {
            RoutingStats.Window window = windows.get(i);
            JsonNode node = json.get("windows").get(i);
            assertThat(node.get("window").asText()).isEqualTo(window.name());
            assertThat(node.get("routed").asInt()).isEqualTo(window.routed());
            assertThat(node.get("flagged").asInt()).isEqualTo(window.flagged());
            assertThat(node.get("flags").asInt()).isEqualTo(window.flags());
            assertThat(node.get("corrections").asInt()).isEqualTo(window.corrections());
            assertThat(node.get("corrected").asInt()).isEqualTo(window.corrected());
            assertThat(node.get("accuracy").asDouble()).isEqualTo(Math.round(window.accuracy() * 1000) / 1000.0);
            assertThat(node.get("confusions")).hasSize(window.confusions().size());
        }
        // AND, for instance, the 30-day window reads as in the records
        JsonNode month = json.get("windows").get(1);
        assertThat(month.get("routed").asInt()).isEqualTo(6);
        assertThat(month.get("corrected").asInt()).isEqualTo(3);
        assertThat(month.get("accuracy").asDouble()).isEqualTo(0.5);
        JsonNode database = month.get("specialists").get("database-architect");
        assertThat(database.get("routed").asInt()).isEqualTo(3);
        assertThat(database.get("flagged").asInt()).isEqualTo(2);
        assertThat(database.get("corrected").asInt()).isEqualTo(2);
        assertThat(database.get("accuracy").asDouble()).isEqualTo(0.333);
        assertThat(month.get("specialists").get("user-management-architect").get("accuracy").isNull()).isTrue();
        JsonNode topConfusion = month.get("confusions").get(0);
        assertThat(topConfusion.get("routedTo").asText()).isEqualTo("database-architect");
        assertThat(topConfusion.get("correctedTo").asText()).isEqualTo("auth-system-architect");
        assertThat(topConfusion.get("count").asInt()).isEqualTo(2);
    }

    @Test
    @DisplayName("a specialist filter counts only the tasks routed to that specialist, with their flags and corrections")
    void specialistScope() {
        // WHEN all time is computed for the database architect alone
        RoutingStats.Window database = stats.window("database", new StatsScope(Long.MIN_VALUE, null, RoutingStats.Traffic.CHAT,
                "database-architect", null, null), RoutingStats.TOP_CONFUSIONS);

        // THEN its line is the one all time shows, and nobody else was routed anything
        assertThat(totals(database)).isEqualTo("4 routed, 3 flagged, 5 flags, 5 corrections, 3 corrected, accuracy 0.250");
        assertThat(perSpecialist(database)).containsExactly("database-architect: 4 routed, 3 flagged, 3 corrected, accuracy 0.250");
        assertThat(database.confusions()).containsExactly(new RoutingStats.Confusion("database-architect", "auth-system-architect", 3));
    }

    @Test
    @DisplayName("a closed time range counts the decisions routed inside it and no others")
    void closedRange() {
        // WHEN the nine days before yesterday are computed
        long since = NOW.minus(Duration.ofDays(9)).toEpochMilli();
        long until = NOW.minus(Duration.ofDays(1)).toEpochMilli();
        RoutingStats.Window range = stats.window("range", new StatsScope(since, until, RoutingStats.Traffic.CHAT, null, null, null),
                RoutingStats.TOP_CONFUSIONS);

        // THEN only the three decisions of 8 days ago count
        assertThat(totals(range)).isEqualTo("3 routed, 2 flagged, 4 flags, 3 corrections, 1 corrected, accuracy 0.667");
    }

    @Test
    @DisplayName("a platform or channel filter counts only the tasks asked there")
    void placeScope() {
        // GIVEN one task asked on Discord today, in channel 42
        clock.set(NOW);
        decisions.record(new dev.dispatcher.dispatch.Task("Fix CORS issues", "D1",
                new dev.dispatcher.dispatch.ConversationRef("discord", "42", null, "9001")), decision("api-endpoints-architect"));

        // WHEN / THEN Discord, or its channel, has that one task; the shell has the rest
        RoutingStats.Window discord = stats.window("discord", new StatsScope(Long.MIN_VALUE, null, RoutingStats.Traffic.CHAT,
                null, "discord", null), RoutingStats.TOP_CONFUSIONS);
        RoutingStats.Window channel = stats.window("42", new StatsScope(Long.MIN_VALUE, null, RoutingStats.Traffic.CHAT,
                null, null, "42"), RoutingStats.TOP_CONFUSIONS);
        RoutingStats.Window shell = stats.window("shell", new StatsScope(Long.MIN_VALUE, null, RoutingStats.Traffic.CHAT,
                null, "shell", "local"), RoutingStats.TOP_CONFUSIONS);
        assertThat(discord.routed()).isEqualTo(1);
        assertThat(channel.routed()).isEqualTo(1);
        assertThat(shell.routed()).isEqualTo(8);
    }

    @Test
    @DisplayName("the days and the weeks of the accuracy series add up to the window they cover")
    void seriesAddUp() {
        // WHEN all time is cut into days and into weeks
        StatsScope ever = StatsScope.since(Long.MIN_VALUE, RoutingStats.Traffic.CHAT);
        AccuracySeries series = new AccuracySeries(backendDatabase);
        List<AccuracySeries.Point> days = series.of(ever, AccuracySeries.Period.DAY);
        List<AccuracySeries.Point> weeks = series.of(ever, AccuracySeries.Period.WEEK);

        // THEN there is a point for each day with tasks, 40 and 8 days ago and today, each starting at midnight UTC
        assertThat(days).extracting(p -> Instant.ofEpochMilli(p.start())).containsExactly(
                Instant.parse("2026-02-19T00:00:00Z"), Instant.parse("2026-03-23T00:00:00Z"), Instant.parse("2026-03-31T00:00:00Z"));
        assertThat(days).extracting(AccuracySeries.Point::routed).containsExactly(2, 3, 3);
        assertThat(days).extracting(AccuracySeries.Point::corrected).containsExactly(1, 1, 2);
        // AND weeks start on Monday; both cuts add up to all time's 8 routed and 4 corrected
        assertThat(weeks).extracting(p -> Instant.ofEpochMilli(p.start()).atZone(java.time.ZoneOffset.UTC).getDayOfWeek())
                .containsOnly(java.time.DayOfWeek.MONDAY);
        for (List<AccuracySeries.Point> cut : List.of(days, weeks)) {
            assertThat(cut.stream().mapToInt(AccuracySeries.Point::routed).sum()).isEqualTo(8);
            assertThat(cut.stream().mapToInt(AccuracySeries.Point::corrected).sum()).isEqualTo(4);
        }
    }

    private static String totals(RoutingStats.Window w) {
        return String.format(Locale.ROOT, "%d routed, %d flagged, %d flags, %d corrections, %d corrected, accuracy %.3f",
                w.routed(), w.flagged(), w.flags(), w.corrections(), w.corrected(), w.accuracy());
    }

    /** The specialists with anything to report, in priority order, one line each. */
    private static List<String> perSpecialist(RoutingStats.Window w) {
        List<String> lines = new ArrayList<>();
        for (RoutingStats.SpecialistLine line : w.specialists()) {
            if (line.routed() > 0 || line.flagged() > 0) {
                lines.add(String.format(Locale.ROOT, "%s: %d routed, %d flagged, %d corrected, accuracy %.3f",
                        line.specialist(), line.routed(), line.flagged(), line.corrected(), line.accuracy()));
            }
        }
        return lines;
    }
}

package dev.dispatcher.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dispatcher.cli.Cli;
import dev.dispatcher.testkit.WebSession;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The page and {@code ./dispatcher stats} read the same store and say the same numbers, window by window. */
class SameNumbersAsStatsTest {

    private static final Pattern ROW = Pattern.compile("<tr data-specialist=\"([^\"]+)\"><td>[^<]*</td><td class=\"routed\">(\\d+)</td>"
            + "<td class=\"flagged\">(\\d+)</td><td class=\"corrected\">(\\d+)</td><td class=\"accuracy\">([^<]+)</td></tr>");

    @TempDir
    Path dir;

    @Test
    @DisplayName("the last 7 days, 30 days and all time show what ./dispatcher stats --json prints, and so does --all")
    void sameNumbers() throws Exception {
        try (WebFixture web = new WebFixture(dir)) {
            // GIVEN a team's chat: tasks on two platforms, flags, corrections that agree and disagree, one fallback
            String jwt = web.ask("Fix JWT token expiration");
            String index = web.ask("the users table needs an index on email", "discord", "4242");
            String crash = web.ask("the app crashes with a 500 on /api/v1/orders");
            web.ask("hello there");
            web.ask("add rate limiting to the login endpoint");
            web.correct(jwt, "config-architect", "U1");
            web.correct(jwt, "config-architect", "U2");
            web.correct(jwt, "services-architect", "U3");
            web.flag(index, "U4");
            web.correct(crash, "api-endpoints-architect", "U5");
            web.ask("Fix CORS issues", "cli", "local");   // the command line's: only with --all

            // WHEN stats prints its windows, and the page shows the same ranges
            JsonNode chat = stats(web.env, "stats", "--json");
            JsonNode all = stats(web.env, "stats", "--json", "--all");
            WebSession browser = web.session();

            // THEN every window's totals and every specialist's line are the same
            List<String> ranges = List.of("7d", "30d", "all");
            for (int i = 0; i < ranges.size(); i++) {
                sameWindow(chat.get("windows").get(i), browser.get("/?range=" + ranges.get(i)).body());
                sameWindow(all.get("windows").get(i), browser.get("/?traffic=all&range=" + ranges.get(i)).body());
            }
            assertThat(chat.get("windows").get(0).get("routed").asInt()).isEqualTo(5);
            assertThat(all.get("windows").get(0).get("routed").asInt()).isEqualTo(6);
        }
    }

    private static void sameWindow(JsonNode window, String page) {
        String name = window.get("window").asText();
        assertThat(number(page, "total-routed")).as(name).isEqualTo(window.get("routed").asInt());
        assertThat(number(page, "total-flagged")).as(name).isEqualTo(window.get("flagged").asInt());
        assertThat(number(page, "total-flags")).as(name).isEqualTo(window.get("flags").asInt());
        assertThat(number(page, "total-corrected")).as(name).isEqualTo(window.get("corrected").asInt());
        Map<String, String> lines = new LinkedHashMap<>();
        Matcher row = ROW.matcher(page);
        while (row.find()) {
            lines.put(row.group(1), row.group(2) + " routed, " + row.group(3) + " flagged, " + row.group(4) + " corrected, " + row.group(5));
        }
        Map<String, String> expected = new LinkedHashMap<>();
        window.get("specialists").fields().forEachRemaining(e -> {
            JsonNode s = e.getValue();
            int routed = s.get("routed").asInt();
            int corrected = s.get("corrected").asInt();
            expected.put(e.getKey(), routed + " routed, " + s.get("flagged").asInt() + " flagged, " + corrected + " corrected, "
                    + Format.percent(routed == 0 ? null : (routed - corrected) / (double) routed));
        });
        assertThat(lines).as(name).containsExactlyEntriesOf(expected);
    }

    private static int number(String page, String id) {
        Matcher m = Pattern.compile("id=\"" + id + "\">(\\d+)<").matcher(page);
        assertThat(m.find()).as(id).isTrue();
        return Integer.parseInt(m.group(1));
    }

    private static JsonNode stats(Map<String, String> env, String... args) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = new Cli(env, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8))
                .run(args, new BufferedReader(new StringReader("")), false);
        assertThat(status).as(err.toString(StandardCharsets.UTF_8)).isZero();
        return new ObjectMapper().readTree(out.toString(StandardCharsets.UTF_8));
    }
}

package dev.dispatcher.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dispatcher.feedback.RoutingStats;
import dev.dispatcher.testkit.StoreKit;
import dev.dispatcher.testkit.WebSession;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The page's own queries (fallbacks, flagged decisions, places) on PostgreSQL, as replicas sharing it would serve it. */
class WebPageOnPostgresTest {

    @RegisterExtension
    static final StoreKit.Backend POSTGRES = StoreKit.postgres();

    @TempDir
    Path dir;

    @Test
    @DisplayName("on PostgreSQL the page shows the statistics' numbers, fallbacks and flagged decisions, filters, pages and forgets")
    void servesFromPostgres() {
        try (WebFixture web = new WebFixture(dir, Map.of("DISPATCHER_DB_URL", POSTGRES.newDatabaseUrl()))) {
            // GIVEN a corrected task, a flagged fallback, and a task on Discord
            String jwt = web.ask("Fix JWT token expiration");
            web.correct(jwt, "config-architect", "U1");
            String hello = web.ask("hello there");
            web.flag(hello, "U2");
            web.ask("the users table needs an index on email", "discord", "4242");
            WebSession browser = web.session();

            // WHEN the page is loaded, whole and filtered
            HttpResponse<String> page = browser.get("/?range=all");
            HttpResponse<String> discord = browser.get("/?range=all&platform=discord&channel=4242");

            // THEN it shows what the statistics count, the fallback and both flagged decisions with their evidence
            RoutingStats.Window all = web.core.stats().window("all", null);
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.body()).contains("id=\"total-routed\">" + all.routed() + "<", "id=\"total-corrected\">1<",
                    "<td>NO_EVIDENCE</td>", "data-decision=\"" + jwt + "\"", "data-decision=\"" + hello + "\"",
                    "config-architect</td><td class=\"count\">1");
            assertThat(page.body()).containsPattern("auth-system-architect \\d{2,3}%");
            assertThat(discord.body()).contains("id=\"total-routed\">1<");
            assertThat(browser.get("/?range=all&page=2").statusCode()).isEqualTo(200);

            // AND forgetting on the page removes the correction from PostgreSQL
            assertThat(browser.post("/forget", Map.of("decision", jwt)).statusCode()).isEqualTo(303);
            assertThat(web.core.feedbackStore().corrections(jwt)).isEmpty();
        }
    }
}

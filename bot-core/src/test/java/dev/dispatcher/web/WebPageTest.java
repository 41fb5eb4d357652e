package dev.dispatcher.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dispatcher.feedback.EvalExport;
import dev.dispatcher.store.FeedbackStore;
import dev.dispatcher.testkit.WebSession;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The web page over HTTP, served from a real core and SQLite file: what it shows, what it lets you do, and its safety. */
class WebPageTest {

    @TempDir
    Path dir;

    private WebFixture web;
    private WebSession browser;

    @BeforeEach
    void start() {
        web = new WebFixture(dir);
        browser = web.session();
    }

    @AfterEach
    void stop() {
        web.close();
    }

    @Test
    @DisplayName("a task containing <script> is shown as text, in the list and in its title, never as markup")
    void scriptStaysText() {
        // GIVEN a flagged task that carries a script tag and an attribute breaker
        String id = web.ask("<script>alert('x')</script>\" onmouseover=\"alert(1) the login endpoint returns 500");
        web.flag(id, "U-LEAD");

        // WHEN the page is loaded
        String page = browser.get("/").body();

        // THEN the task is there as text, and in its cell's title as an attribute value that the quote cannot end
        assertThat(page).contains("&lt;script&gt;alert('x')&lt;/script&gt;\" onmouseover=\"alert(1)");
        assertThat(page).contains("title=\"&lt;script>alert(&#39;x&#39;)&lt;/script>&#34; onmouseover=&#34;alert(1)");
        // AND no script but the page's two static ones exists, and no tag gained an attribute
        assertThat(page).doesNotContain("<script>alert");
        assertThat(Pattern.compile("<script").matcher(page).results().count()).isEqualTo(2);
        assertThat(page).doesNotContainPattern("<[^<>]*onmouseover");
    }

    @Test
    @DisplayName("every response carries a Content-Security-Policy that allows no inline script, and no framing")
    void contentSecurityPolicy() {
        for (String path : List.of("/", "/suggestions", "/nowhere", "/?range=forever", "/static/dashboard.js")) {
            HttpResponse<String> response = browser.get(path);
            String csp = response.headers().firstValue("Content-Security-Policy").orElseThrow();
            assertThat(csp).as(path).contains("script-src 'self'", "frame-ancestors 'none'", "default-src 'none'")
                    .doesNotContain("unsafe-inline", "unsafe-eval");
            assertThat(response.headers().firstValue("X-Content-Type-Options")).as(path).contains("nosniff");
        }
    }

    @Test
    @DisplayName("bad filters get a 400 page that names the field, never a stack trace")
    void badFilters() {
        Map<String, String> bad = Map.of(
                "/?range=forever", "range must be one of",
                "/?from=2026-13-01", "from must be a date",
                "/?from=2026-02-01&to=2026-01-01", "from must not be after to",
                "/?specialist=%3Cscript%3E", "there is no specialist with that id",
                "/?page=0", "page must be a whole number",
                "/?range=7d&range=30d", "given twice",
                "/?channel=%25ZZ%00", "channel must be a channel id");
        bad.forEach((path, message) -> {
            HttpResponse<String> response = browser.get(path);
            assertThat(response.statusCode()).as(path).isEqualTo(400);
            assertThat(response.body()).as(path).contains(message).doesNotContain("Exception", "at dev.dispatcher");
        });
    }

    @Test
    @DisplayName("an unknown decision id, or a malformed one, gets a 400 page")
    void badDecisionIds() {
        browser.get("/");
        assertThat(browser.post("/forget", Map.of("decision", "nosuchthing")).statusCode()).isEqualTo(400);
        HttpResponse<String> malformed = browser.post("/forget", Map.of("decision", "'; DROP TABLE decisions; --"));
        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(malformed.body()).contains("a decision id is");
        assertThat(browser.post("/confirm", Map.of()).body()).contains("the field 'decision' is missing");
    }

    @Test
    @DisplayName("forgetting a correction on the page removes it, as ./dispatcher forget does, and the router unlearns it")
    void forget() {
        // GIVEN a task corrected to the config architect, which now routes its twin there
        String task = "the nightly invoice mailer job crashes on startup";
        String id = web.ask(task);
        String before = web.routedTo(task);
        String other = before.equals("config-architect") ? "services-architect" : "config-architect";
        web.correct(id, other, "U-LEAD");
        assertThat(web.routedTo(task)).isEqualTo(other);

        // WHEN it is forgotten on the page
        browser.get("/");
        HttpResponse<String> response = browser.post("/forget", Map.of("decision", id, "range", "7d"));

        // THEN the page goes back to the same filters and says so; the correction is gone and the route is back
        assertThat(response.statusCode()).isEqualTo(303);
        assertThat(response.headers().firstValue("Location")).contains("/?range=7d&done=forgot&decision=" + id);
        assertThat(browser.get("/?range=7d&done=forgot&decision=" + id).body()).contains("Forgot the corrections and flags of decision " + id);
        assertThat(web.core.feedbackStore().corrections(id)).isEmpty();
        assertThat(web.routedTo(task)).isEqualTo(before);
    }

    @Test
    @DisplayName("a correction forgotten on the page stops steering another replica's routes at its next learning refresh")
    void forgetReachesOtherReplicas() {
        // GIVEN a bot replica on the same database, which learnt a correction
        try (var bot = dev.dispatcher.testkit.Cores.start(web.env)) {
            String task = "the nightly invoice mailer job crashes on startup";
            String id = web.ask(task);
            String before = bot.dispatcher().router().route(task).specialist();
            String other = before.equals("config-architect") ? "services-architect" : "config-architect";
            web.correct(id, other, "U-LEAD");
            bot.examples().refresh();
            assertThat(bot.dispatcher().router().route(task).specialist()).isEqualTo(other);

            // WHEN the page forgets it, and the replica's periodic refresh runs
            browser.get("/");
            assertThat(browser.post("/forget", Map.of("decision", id)).statusCode()).isEqualTo(303);
            bot.examples().refresh();

            // THEN the replica routes the task as before the correction
            assertThat(bot.dispatcher().router().route(task).specialist()).isEqualTo(before);
        }
    }

    @Test
    @DisplayName("a change without the page's CSRF token, or from another site, is refused and changes nothing")
    void csrf() {
        String id = web.ask("Fix JWT token expiration");
        web.correct(id, "config-architect", "U-LEAD");
        browser.get("/");

        HttpResponse<String> noToken = browser.postExactly("/forget", Map.of("decision", id));
        HttpResponse<String> wrongToken = browser.postExactly("/forget", Map.of("decision", id, "csrf", "0".repeat(64)));

        assertThat(noToken.statusCode()).isEqualTo(403);
        assertThat(wrongToken.statusCode()).isEqualTo(403);
        assertThat(web.core.feedbackStore().corrections(id)).hasSize(1);
        assertThat(browser.get("/forget").statusCode()).as("a GET never changes anything").isEqualTo(405);
    }

    @Test
    @DisplayName("a correction awaiting review is confirmed on the page and then teaches")
    void confirm() {
        // GIVEN only U-LEAD may teach, and someone else corrected a task
        web.close();
        web = new WebFixture(dir.resolve("teachers"), Map.of("DISPATCHER_TEACHERS", "U-LEAD"));
        browser = web.session();
        String id = web.ask("Fix JWT token expiration");
        web.correct(id, "config-architect", "U-NEWCOMER");
        assertThat(browser.get("/").body()).contains("awaits review");

        // WHEN it is confirmed on the page
        assertThat(browser.post("/confirm", Map.of("decision", id)).statusCode()).isEqualTo(303);

        // THEN it teaches
        assertThat(web.core.feedbackStore().corrections(id)).singleElement().extracting(FeedbackStore.CorrectionRow::trusted).isEqualTo(true);
    }

    @Test
    @DisplayName("a correction is changed on the page to another specialist")
    void change() {
        String id = web.ask("Fix JWT token expiration");
        web.correct(id, "config-architect", "U-ANN");
        browser.get("/");

        assertThat(browser.post("/correct", Map.of("decision", id, "user", "U-ANN", "specialist", "services-architect")).statusCode())
                .isEqualTo(303);
        assertThat(web.core.feedbackStore().corrections(id)).singleElement()
                .extracting(FeedbackStore.CorrectionRow::correctedTo).isEqualTo("services-architect");
        assertThat(browser.post("/correct", Map.of("decision", id, "user", "U-BOB", "specialist", "config-architect")).statusCode())
                .as("nobody named U-BOB corrected it").isEqualTo(400);
    }

    @Test
    @DisplayName("the export download is the file ./dispatcher export writes")
    void export() throws Exception {
        web.correct(web.ask("Fix JWT token expiration"), "config-architect", "U-ANN");
        web.ask("the users table needs an index");
        Path file = dir.resolve("cases.jsonl");
        new EvalExport(web.core.database()).write(file);

        HttpResponse<byte[]> download = browser.download("/export.jsonl");

        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.headers().firstValue("Content-Disposition").orElseThrow()).contains("attachment");
        assertThat(download.body()).isEqualTo(Files.readAllBytes(file));
    }

    @Test
    @DisplayName("the suggestions page shows what ./dispatcher suggest prints")
    void suggestions() {
        String page = browser.get("/suggestions").body();
        assertThat(page).contains("<pre id=\"suggestions\">");
    }

    @Test
    @DisplayName("trying a task shows the routing analysis as chat does, and stores nothing")
    void tryATask() {
        browser.get("/");
        int before = web.core.stats().window("all", null).routed();

        HttpResponse<String> response = browser.post("/try", Map.of("task", "Fix JWT token expiration <b>now</b>"));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("ROUTING ANALYSIS", "<strong id=\"try-route\">auth-system-architect</strong>",
                "&lt;b&gt;now&lt;/b&gt;");
        assertThat(web.core.stats().window("all", null).routed()).isEqualTo(before);
        assertThat(browser.post("/try", Map.of("task", "   ")).statusCode()).isEqualTo(400);
    }

    @Test
    @DisplayName("the flagged decisions come twenty to a page, the most recently flagged first")
    void flaggedPages() {
        for (int i = 0; i < 25; i++) {
            web.flag(web.ask("Fix JWT token expiration number " + i), "U-LEAD");
        }

        String first = browser.get("/").body();
        String second = browser.get("/?page=2").body();

        assertThat(rows(first)).isEqualTo(20);
        assertThat(rows(second)).isEqualTo(5);
        assertThat(first).contains("page 1 of 2", "rel=\"next\"");
        assertThat(second).contains("page 2 of 2", "rel=\"prev\"");
    }

    private static long rows(String page) {
        Matcher m = Pattern.compile("<tr data-decision=").matcher(page);
        return m.results().count();
    }
}

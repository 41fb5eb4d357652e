package dev.dispatcher.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dispatcher.testkit.HeadlessChromium;
import dev.dispatcher.testkit.Repository;
import dev.dispatcher.testkit.StoreKit;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The web page in a real browser, Debian's headless Chromium through Selenium, against a real core and SQLite file:
 * the charts draw, a filter changes the numbers, forgetting a correction changes the next route, a {@code <script>}
 * task stays text. Saves {@code bot-core/target/web-page.png}, the README's screenshot. Needs {@code chromium} and
 * {@code chromium-driver} ({@code .ci/run} installs them); without them it fails rather than skip.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WebBrowserTest {

    private static final Instant NOW = Instant.parse("2026-03-31T15:00:00Z");

    /** A team's chat over three weeks, in its own words, with whom the team says owns each; none of it from public trackers. */
    private static final List<Map.Entry<String, String>> TASKS = List.of(
            Map.entry("Fix JWT token expiration", "auth-system-architect"),
            Map.entry("users get logged out every few minutes", "auth-system-architect"),
            Map.entry("add an index to the orders table, the monthly report query is slow", "database-architect"),
            Map.entry("the alembic migration fails on the users table", "database-architect"),
            Map.entry("the profile endpoint is slow because of N+1 queries", "database-architect"),
            Map.entry("the app returns 500 after the last deploy", "troubleshooting-architect"),
            Map.entry("gunicorn workers keep getting killed under load", "troubleshooting-architect"),
            Map.entry("add pagination to GET /api/v1/projects", "api-endpoints-architect"),
            Map.entry("the entities endpoint returns 404 for ids above 1000", "api-endpoints-architect"),
            Map.entry("let admins deactivate a user account", "user-management-architect"),
            Map.entry("sending the welcome email blocks the signup request", "services-architect"),
            Map.entry("the celery task that sends invoices hangs forever", "services-architect"),
            Map.entry("move the S3 bucket name into the settings file", "config-architect"),
            Map.entry("DATABASE_URL is ignored by the production config", "config-architect"),
            Map.entry("explain how the backend is structured", "backend-overview-architect"),
            Map.entry("hello, can someone look at this?", "backend-overview-architect"),
            // where this team's conventions differ from the router's first guess
            Map.entry("DetachedInstanceError when the worker touches user.orders", "database-architect"),
            Map.entry("500 on /api/v1/reports when the date filter is empty", "api-endpoints-architect"),
            Map.entry("the login page got slow since Monday", "database-architect"),
            Map.entry("KeyError: 'tenant_id' in the billing webhook handler", "services-architect"),
            Map.entry("staging keeps running out of memory overnight", "config-architect"));

    private ChromeDriver browser;
    private WebFixture web;

    @TempDir
    Path dir;

    @BeforeAll
    void openBrowser() {
        browser = HeadlessChromium.start();
    }

    @AfterAll
    void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @AfterEach
    void stop() {
        if (web != null) {
            web.close();
        }
    }

    @Test
    @DisplayName("the accuracy plot and the confusion heat map render, with no console error, and the page is saved as a screenshot")
    void chartsRender() throws Exception {
        // GIVEN three weeks of chat, some of it corrected
        threeWeeksOfChat();

        // WHEN the page is opened
        open("/");

        // THEN both charts are drawn on a canvas from the page's figures
        WebElement accuracy = browser.findElement(By.id("accuracy-chart"));
        WebElement confusions = browser.findElement(By.id("confusion-chart"));
        await(() -> "daily".equals(accuracy.getAttribute("data-drawn")) && "matrix".equals(confusions.getAttribute("data-drawn")));
        assertThat(accuracy.findElements(By.tagName("canvas"))).isNotEmpty();
        assertThat(confusions.findElements(By.tagName("canvas"))).isNotEmpty();
        assertThat(Integer.parseInt(accuracy.getAttribute("data-points"))).isGreaterThan(10);
        assertThat(Integer.parseInt(confusions.getAttribute("data-cells"))).isPositive();
        // AND the weekly view draws too
        browser.findElement(By.cssSelector(".chart-switch button[data-period=weekly]")).click();
        await(() -> "weekly".equals(accuracy.getAttribute("data-drawn")));
        browser.findElement(By.cssSelector(".chart-switch button[data-period=daily]")).click();
        await(() -> "daily".equals(accuracy.getAttribute("data-drawn")));
        // AND the Content-Security-Policy blocked nothing the page needs
        List<LogEntry> errors = browser.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= java.util.logging.Level.SEVERE.intValue()).toList();
        assertThat(errors).as("browser console errors").isEmpty();

        Path shot = Repository.root().resolve("bot-core/target/web-page.png");
        Files.createDirectories(shot.getParent());
        Files.move(browser.getScreenshotAs(OutputType.FILE).toPath(), shot, StandardCopyOption.REPLACE_EXISTING);
        assertThat(Files.size(shot)).isGreaterThan(10_000);
    }

    @Test
    @DisplayName("choosing a platform in the filters changes the numbers to that platform's")
    void filterChangesTheNumbers() {
        // GIVEN tasks asked on Slack and on Discord
        threeWeeksOfChat();
        open("/?range=all");
        int everywhere = number("total-routed");

        // WHEN Discord is chosen and applied
        new Select(browser.findElement(By.name("platform"))).selectByValue("discord");
        browser.findElement(By.cssSelector("#filters button[type=submit]")).click();
        await(() -> browser.getCurrentUrl().contains("platform=discord"));

        // THEN the totals are Discord's alone
        int discord = number("total-routed");
        assertThat(discord).isPositive().isLessThan(everywhere);
        assertThat(discord).isEqualTo(web.core.stats().window("discord", new dev.dispatcher.feedback.StatsScope(Long.MIN_VALUE, null,
                dev.dispatcher.feedback.RoutingStats.Traffic.CHAT, null, "discord", null), 5).routed());
    }

    @Test
    @DisplayName("forgetting a correction on the page changes where the next such task is routed")
    void forgettingChangesTheNextRoute() {
        // GIVEN a task someone corrected, so its twin now follows the correction
        web = new WebFixture(dir, Map.of());
        String task = "the nightly invoice mailer job crashes on startup";
        String id = web.ask(task);
        String before = web.routedTo(task);
        String corrected = before.equals("config-architect") ? "services-architect" : "config-architect";
        web.correct(id, corrected, "U-LEAD");
        assertThat(tried(task)).isEqualTo(corrected);

        // WHEN the correction is forgotten on the page
        open("/");
        browser.findElement(By.cssSelector("tr[data-decision='" + id + "'] button.forget")).click();
        await(() -> browser.getCurrentUrl().contains("done=forgot"));
        assertThat(browser.findElement(By.id("notice")).getText()).contains("Forgot the corrections and flags of decision " + id);

        // THEN the next try routes it where the router alone sends it
        assertThat(tried(task)).isEqualTo(before);
    }

    @Test
    @DisplayName("a task containing <script> is shown as text and never runs")
    void scriptStaysText() {
        // GIVEN a flagged task that carries a script
        web = new WebFixture(dir, Map.of());
        String task = "<script>document.title='owned'</script><img src=x onerror=\"document.title='owned'\"> login returns 500";
        web.flag(web.ask(task), "U-LEAD");

        // WHEN the page is opened
        open("/");

        // THEN the task reads as typed, and nothing in it ran
        assertThat(browser.findElement(By.cssSelector("#flagged td.task")).getText()).isEqualTo(task);
        assertThat(browser.getTitle()).isEqualTo("Routing · Backend Task Dispatcher");
        assertThat(browser.findElements(By.cssSelector("#flagged img"))).isEmpty();
    }

    /** Routes a task in the page's box; returns where it went. */
    private String tried(String task) {
        open("/");
        WebElement box = browser.findElement(By.cssSelector("#try textarea"));
        box.sendKeys(task);
        browser.findElement(By.cssSelector("#try button")).click();
        await(() -> !browser.findElements(By.id("try-route")).isEmpty());
        assertThat(browser.findElement(By.id("try-answer")).getText()).contains("ROUTING ANALYSIS");
        return browser.findElement(By.id("try-route")).getText();
    }

    private void threeWeeksOfChat() {
        StoreKit.TestClock clock = new StoreKit.TestClock(NOW);
        web = new WebFixture(dir, Map.of(), clock);
        int n = 0;
        for (int day = 20; day >= 0; day--) {
            for (int hour = 0; hour < 4 + day % 3; hour++) {
                clock.set(NOW.minus(Duration.ofDays(day)).minus(Duration.ofHours(hour + 1)));
                Map.Entry<String, String> task = TASKS.get((n * 7 + day) % TASKS.size());
                boolean discord = n % 3 == 0;
                String id = web.ask(task.getKey(), discord ? "discord" : "slack", discord ? "880011" : "C0BACKEND");
                String routed = web.routedTo(task.getKey());
                // Someone on the team corrects most misroutes they see, which teaches the router as the weeks go by.
                if (!routed.equals(task.getValue()) && n % 4 != 3) {
                    web.correct(id, task.getValue(), "U" + (n % 5));
                } else if (n % 13 == 0) {
                    web.flag(id, "U" + (n % 5));
                }
                n++;
            }
        }
        clock.set(NOW);
    }

    private void open(String path) {
        browser.get("http://127.0.0.1:" + web.server.port() + path);
    }

    private int number(String id) {
        return Integer.parseInt(browser.findElement(By.id(id)).getText().strip());
    }

    private void await(java.util.function.BooleanSupplier condition) {
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(d -> condition.getAsBoolean());
    }
}

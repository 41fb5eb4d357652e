package dev.dispatcher.discord;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Timer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import net.dv8tion.jda.api.utils.TimeUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The process as operators see it: {@code /metrics} and {@code /readyz} of a bot started by {@link DiscordMain},
 * connected through the real JDA to a fake Discord on loopback.
 */
class DiscordOperationsTest {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final long PERMISSIONS = BotPermissions.raw();

    @TempDir
    Path dir;

    private FakeDiscordRest rest;
    private FakeDiscordGateway gateway;
    private DiscordMain.Running bot;
    private boolean stopped;
    private final HttpClient http = HttpClient.newHttpClient();
    private final AtomicLong ids = new AtomicLong(TimeUtil.getDiscordTimestamp(System.currentTimeMillis()));

    @BeforeEach
    void launch() throws Exception {
        rest = new FakeDiscordRest();
        gateway = new FakeDiscordGateway(shard -> DiscordJson.guild(PERMISSIONS));
        String gatewayUrl = gateway.begin();
        rest.recommend(gatewayUrl, 1);
        Map<String, String> env = DiscordJson.botEnvironment(dir, rest, gatewayUrl);
        env.put("DISPATCHER_ADMIN_PORT", "0");
        bot = DiscordMain.launch(env);
        Await.until("/readyz says ready", () -> status("/readyz") == 200, WAIT);
    }

    @AfterEach
    void stop() throws Exception {
        if (!stopped) {
            bot.close();
        }
        gateway.stop(1000);
        rest.close();
    }

    private String route(String task) {
        String interaction = Long.toString(ids.incrementAndGet());
        gateway.dispatch("INTERACTION_CREATE", DiscordJson.routeCommand(interaction, task, PERMISSIONS));
        return interaction;
    }

    private int status(String path) {
        try {
            return http.send(request(path), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (Exception e) {
            return -1;
        }
    }

    private String metrics() {
        try {
            return http.send(request("/metrics"), HttpResponse.BodyHandlers.ofString()).body();
        } catch (Exception e) {
            return "";
        }
    }

    private HttpRequest request(String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + bot.admin().port() + path)).build();
    }

    @Test
    @DisplayName("after a /route, /metrics shows dispatcher_tasks_routed_total and dispatcher_platform_calls_total by method")
    void metricsAfterRoute() throws Exception {
        // WHEN
        route("Fix JWT token expiration");

        // THEN
        Await.until("/metrics counts the prompt sent into the thread, the last request of the answer",
                () -> metrics().contains("dispatcher_platform_calls_total{method=\"sendMessage\",outcome=\"ok\",platform=\"discord\"} 1.0"), WAIT);
        assertThat(metrics())
                .contains("dispatcher_tasks_routed_total{platform=\"discord\",specialist=\"auth-system-architect\"} 1.0")
                .contains("dispatcher_platform_calls_total{method=\"deferReply\",outcome=\"ok\",platform=\"discord\"} 1.0")
                .contains("dispatcher_platform_calls_total{method=\"editOriginal\",outcome=\"ok\",platform=\"discord\"} 1.0")
                .contains("dispatcher_platform_calls_total{method=\"createThreadChannel\",outcome=\"ok\",platform=\"discord\"} 1.0")
                .contains("dispatcher_platform_calls_total{method=\"updateCommands\",outcome=\"ok\",platform=\"discord\"} 1.0");
    }

    @Test
    @DisplayName("a 429 from Discord is waited out by JDA, then the request succeeds, and the wait is in dispatcher_rate_limit_waits_seconds")
    void rateLimitWaitIsMeasured() throws Exception {
        // GIVEN Discord will rate-limit the next thread for a second
        rest.rateLimitOnce("POST", "/channels/\\d+/messages/\\d+/threads", 1);

        // WHEN
        route("Fix JWT token expiration");

        // THEN the thread is started on the second try
        rest.await("the retried thread", r -> r.is("POST", "/channels/\\d+/messages/\\d+/threads") && r.status() == 201, WAIT);
        Timer waits = bot.core().metrics().registry().get("dispatcher.rate.limit.waits").tag("platform", "discord").timer();
        assertThat(waits.count()).isEqualTo(1);
        assertThat(waits.totalTime(TimeUnit.MILLISECONDS)).isGreaterThanOrEqualTo(900);
        Await.until("/metrics shows the wait",
                () -> metrics().contains("dispatcher_rate_limit_waits_seconds_count{platform=\"discord\"} 1"), WAIT);
    }

    @Test
    @DisplayName("/readyz answers 503 from the moment the shutdown begins, while the /route in flight still gets its whole answer")
    void notReadyWhileShuttingDown() throws Exception {
        // GIVEN a /route whose acknowledgement Discord has not answered yet
        Runnable discordAnswers = rest.holdAnswers();
        String interaction = route("Fix JWT token expiration");
        rest.await("the acknowledgement", r -> r.is("POST", "/interactions/" + interaction + "/.*/callback"), WAIT);

        // WHEN SIGTERM arrives
        Thread hook = new Thread(bot::close, "discord-shutdown");
        hook.start();
        stopped = true;

        // THEN the process says it is not ready, at once
        Await.until("/readyz answers 503", () -> status("/readyz") == 503, WAIT);
        assertThat(hook.isAlive()).as("waiting for the answer in flight").isTrue();

        // WHEN Discord answers
        discordAnswers.run();
        hook.join(WAIT.toMillis());

        // THEN the answer was completed before the bot stopped
        assertThat(hook.isAlive()).as("the shutdown finished").isFalse();
        FakeDiscordRest.Request thread = rest.await("the thread on the analysis",
                r -> r.is("POST", "/channels/" + DiscordJson.CHANNEL_ID + "/messages/\\d+/threads"), WAIT);
        assertThat(rest.requests()).anySatisfy(prompt -> {
            assertThat(prompt.is("POST", "/channels/" + thread.response().getString("id") + "/messages")).isTrue();
            assertThat(prompt.body().getString("content")).contains("TASK: Fix JWT token expiration");
        });
    }
}

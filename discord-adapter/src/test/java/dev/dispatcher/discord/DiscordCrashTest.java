package dev.dispatcher.discord;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dispatcher.testkit.AdminRequests;
import dev.dispatcher.testkit.JavaProcess;
import dev.dispatcher.testkit.ReadyBot;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import net.dv8tion.jda.api.utils.TimeUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("SIGKILL of a real DiscordMain process after the acknowledgement loses no answer")
class DiscordCrashTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final int SIGKILL_EXIT = 137;
    private static final long PERMISSIONS = BotPermissions.raw();

    @TempDir
    Path dir;

    private FakeDiscordRest rest;
    private FakeDiscordGateway gateway;
    private Map<String, String> env;

    @BeforeEach
    void startDiscord() throws Exception {
        rest = new FakeDiscordRest();
        gateway = new FakeDiscordGateway(shard -> DiscordJson.guild(PERMISSIONS));
        String gatewayUrl = gateway.begin();
        rest.recommend(gatewayUrl, 1);
        env = DiscordJson.botEnvironment(dir, rest, gatewayUrl);
        env.put("DISPATCHER_HOME", Path.of(System.getProperty("dispatcher.root", "..")).toAbsolutePath().toString());
        // A short lease, so the restarted process takes the dead one's job over within seconds.
        env.put("DISPATCHER_JOB_LEASE_SECONDS", "2");
    }

    @AfterEach
    void stopDiscord() throws Exception {
        gateway.stop(1000);
        rest.close();
    }

    private JavaProcess startBot(String run) throws IOException {
        int adminPort = ReadyBot.freePort();
        env.put("DISPATCHER_ADMIN_PORT", String.valueOf(adminPort));
        JavaProcess bot = JavaProcess.start(DiscordMain.class.getName(), env, List.of("-XX:TieredStopAtLevel=1"), dir.resolve(run + ".log"));
        try {
            new AdminRequests(adminPort).awaitStatus("/readyz", 200, Duration.ofSeconds(60));
        } catch (AssertionError e) {
            bot.close();
            throw new AssertionError(e.getMessage() + "; output:\n" + bot.output(), e);
        }
        return bot;
    }

    @Test
    @DisplayName("killed between the deferred reply and the analysis, the restarted bot answers the /route exactly once")
    void answeredOnceAfterRestart() throws Exception {
        // GIVEN a bot that acknowledged a /route and is about to show its analysis
        String interaction = Long.toString(TimeUtil.getDiscordTimestamp(System.currentTimeMillis()));
        String original = ".*/interaction-token-" + interaction + "/messages/@original";
        FakeDiscordRest.Held analysis = rest.holdNext("PATCH", original);
        try (JavaProcess bot = startBot("first")) {
            gateway.dispatch("INTERACTION_CREATE", DiscordJson.routeCommand(interaction, "Fix JWT token expiration", PERMISSIONS));
            rest.await("the deferred reply", r -> r.is("POST", "/interactions/" + interaction + "/.*/callback"), WAIT);
            analysis.awaitArrival();

            // WHEN it is killed before the analysis reaches Discord
            assertThat(bot.kill()).isEqualTo(SIGKILL_EXIT);
        } finally {
            analysis.discard();
        }
        assertThat(rest.requests()).noneMatch(r -> r.is("PATCH", original));

        // AND it starts again on the same database
        try (JavaProcess bot = startBot("second")) {
            // THEN the stored job is resumed through the interaction's token: the analysis, a thread on it, the prompt
            FakeDiscordRest.Request shown = rest.await("the analysis", r -> r.is("PATCH", original), WAIT);
            String analysisId = shown.response().getString("id");
            rest.await("the thread on the analysis", r -> r.is("POST", "/channels/\\d+/messages/" + analysisId + "/threads"), WAIT);
            rest.await("the prompt", r -> r.is("POST", "/channels/\\d+/messages")
                    && r.body().getString("content", "").contains("TASK: Fix JWT token expiration"), WAIT);
            bot.terminate();
            bot.awaitExit(WAIT);
        }
        // AND exactly once
        assertThat(rest.requests()).filteredOn(r -> r.is("PATCH", original)).hasSize(1);
        assertThat(rest.requests()).filteredOn(r -> r.is("POST", "/channels/\\d+/messages/\\d+/threads")).hasSize(1);
        assertThat(rest.requests()).filteredOn(r -> r.is("POST", "/channels/\\d+/messages")
                && r.body().getString("content", "").contains("TASK: Fix JWT token expiration")).hasSize(1);
    }
}

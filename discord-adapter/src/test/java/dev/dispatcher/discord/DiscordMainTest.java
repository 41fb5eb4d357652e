package dev.dispatcher.discord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dispatcher.app.CoreSettings;
import dev.dispatcher.testkit.JavaProcess;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DiscordMainTest {

    @TempDir
    Path dir;

    private Map<String, String> env(String... pairs) {
        Map<String, String> env = new HashMap<>();
        env.put("DISPATCHER_HOME", System.getProperty("dispatcher.root", "../"));
        env.put("DISPATCHER_DB_URL", "jdbc:sqlite:" + dir.resolve("t.db"));
        for (int i = 0; i < pairs.length; i += 2) {
            env.put(pairs[i], pairs[i + 1]);
        }
        return env;
    }

    @Test
    @DisplayName("without DISCORD_TOKEN the bot stops with exit code 2 and one message naming the variable")
    void missingToken() {
        assertThatThrownBy(() -> DiscordMain.launch(env()))
                .isInstanceOfSatisfying(DiscordMain.StartFailure.class, e -> assertThat(e.exitCode()).isEqualTo(2))
                .hasMessageStartingWith("DISCORD_TOKEN is not set");
    }

    @Test
    @DisplayName("the web page on the admin port without DISPATCHER_WEB_TOKEN stops the bot with exit code 2, naming it")
    void webPageNeedsToken() {
        assertThatThrownBy(() -> DiscordMain.launch(env("DISCORD_TOKEN", "fake.test.token", "DISPATCHER_WEB", "on")))
                .isInstanceOfSatisfying(DiscordMain.StartFailure.class, e -> assertThat(e.exitCode()).isEqualTo(2))
                .hasMessageStartingWith("DISPATCHER_WEB_TOKEN must be set when DISPATCHER_WEB=on");
    }

    @Test
    @DisplayName("'discord --help' prints the usage and exits 0 without starting the bot")
    void help() throws Exception {
        // GIVEN no settings at all: a started bot would stop for lack of DISCORD_TOKEN
        try (JavaProcess bot = JavaProcess.start(DiscordMain.class.getName(), List.of("--help"), Map.of(), List.of(),
                dir.resolve("help.log"))) {

            // THEN
            assertThat(bot.awaitExit(Duration.ofSeconds(30))).isZero();
            assertThat(bot.output()).startsWith("Usage: ./dispatcher discord").contains("DISCORD_TOKEN").doesNotContain("is not set");
        }
    }

    @Test
    @DisplayName("an argument 'discord' does not take is a usage error: exit code 2 with the problem and the usage")
    void unknownArgument() throws Exception {
        try (JavaProcess bot = JavaProcess.start(DiscordMain.class.getName(), List.of("--token", "x"), Map.of(), List.of(),
                dir.resolve("unknown.log"))) {
            assertThat(bot.awaitExit(Duration.ofSeconds(30))).isEqualTo(2);
            assertThat(bot.output()).contains("Unknown option").contains("'--token'").contains("Usage: ./dispatcher discord")
                    .doesNotContain("DISCORD_TOKEN is not set");
        }
    }

    @Test
    @DisplayName("a malformed DISCORD_GATEWAY_URL or DISCORD_API_URL stops the bot with exit code 2 and one line naming it")
    void malformedAddresses() {
        for (String gateway : List.of("ws://", "wss//gateway.discord.gg", "http://127.0.0.1:9000", "ws://exa mple")) {
            assertThatThrownBy(() -> DiscordMain.launch(env("DISCORD_TOKEN", "fake.test.token", "DISCORD_GATEWAY_URL", gateway)))
                    .as(gateway)
                    .isInstanceOfSatisfying(DiscordMain.StartFailure.class, e -> assertThat(e.exitCode()).isEqualTo(2))
                    .hasMessage("DISCORD_GATEWAY_URL must be a ws or wss URL with a host, such as ws://127.0.0.1:9000, was '"
                            + gateway + "'");
        }
        for (String api : List.of("http://", "http:/discord.com/api/v10/", "discord.com/api")) {
            assertThatThrownBy(() -> DiscordMain.launch(env("DISCORD_TOKEN", "fake.test.token", "DISCORD_API_URL", api)))
                    .as(api)
                    .isInstanceOfSatisfying(DiscordMain.StartFailure.class, e -> assertThat(e.exitCode()).isEqualTo(2))
                    .hasMessageStartingWith("DISCORD_API_URL must be a http or https URL with a host");
        }
    }

    @Test
    @DisplayName("an unreachable DISCORD_API_URL stops the bot at once with exit code 1 and one line naming it")
    void unreachableApi() throws Exception {
        String api = "http://127.0.0.1:" + closedPort() + "/api/v10/";

        assertThatThrownBy(() -> DiscordMain.launch(env("DISCORD_TOKEN", "fake.test.token", "DISCORD_API_URL", api)))
                .isInstanceOfSatisfying(DiscordMain.StartFailure.class, e -> assertThat(e.exitCode()).isEqualTo(1))
                .hasMessage("cannot reach DISCORD_API_URL " + api + ": connection refused");
    }

    @Test
    @DisplayName("an unreachable DISCORD_GATEWAY_URL ends the process with one line naming it and exit code 1, not endless retries")
    void unreachableGateway() throws Exception {
        // GIVEN a Discord REST API that answers, and a gateway address nothing listens on
        try (FakeDiscordRest rest = new FakeDiscordRest()) {
            String gateway = "ws://127.0.0.1:" + closedPort();
            rest.recommend(gateway, 1);

            // WHEN the bot runs as the operator runs it
            try (JavaProcess bot = JavaProcess.start(DiscordMain.class.getName(), List.of(), Map.of(
                    "DISCORD_TOKEN", "fake.test.token", "DISCORD_API_URL", rest.baseUrl(), "DISCORD_GATEWAY_URL", gateway,
                    "DISPATCHER_HOME", env().get("DISPATCHER_HOME"), "DISPATCHER_DB_URL", "jdbc:sqlite:" + dir.resolve("g.db"),
                    "DISPATCHER_ADMIN_PORT", "0"), List.of(), dir.resolve("gateway.log"))) {

                // THEN it ends by itself, having said one thing
                assertThat(bot.awaitExit(Duration.ofSeconds(60))).isEqualTo(1);
                assertThat(bot.output().strip()).isEqualTo("discord: cannot reach DISCORD_GATEWAY_URL " + gateway + ": connection refused");
            }
        }
    }

    private static int closedPort() throws java.io.IOException {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Test
    @DisplayName("a configuration error never prints the token")
    void tokenNeverPrinted() {
        assertThatThrownBy(() -> DiscordMain.launch(env("DISCORD_TOKEN", "fake.test.token", "DISCORD_SHARDS", "nine")))
                .isInstanceOfSatisfying(DiscordMain.StartFailure.class, e -> assertThat(e.exitCode()).isEqualTo(2))
                .hasMessageContaining("DISCORD_SHARDS").message().doesNotContain("fake.test.token");
    }

    @Test
    @DisplayName("the health endpoints use the core's DISPATCHER_ADMIN_PORT: 9090 by default, where deploy/'s probes look")
    void adminPortIsTheCores() {
        assertThat(CoreSettings.fromEnvironment(env()).adminPort()).isEqualTo(9090);
        assertThat(CoreSettings.fromEnvironment(env("DISPATCHER_ADMIN_PORT", "0")).adminPort()).isZero();
    }

    @Test
    @DisplayName("a DISPATCHER_ADMIN_PORT that is not a port stops the bot with exit code 2 and a message naming it")
    void badAdminPort() {
        assertThatThrownBy(() -> DiscordMain.launch(env("DISCORD_TOKEN", "fake.test.token", "DISPATCHER_ADMIN_PORT", "http")))
                .isInstanceOfSatisfying(DiscordMain.StartFailure.class, e -> assertThat(e.exitCode()).isEqualTo(2))
                .hasMessageContaining("DISPATCHER_ADMIN_PORT");
    }

    @Test
    @DisplayName("a token Discord rejects stops the bot with exit code 2, a message naming DISCORD_TOKEN, and no token")
    void rejectedToken() throws Exception {
        // GIVEN a Discord that answers 401 to everything
        try (FakeDiscordRest rest = new FakeDiscordRest()) {
            rest.rejectToken();

            // WHEN / THEN
            assertThatThrownBy(() -> DiscordMain.launch(env("DISCORD_TOKEN", "fake.rejected.token", "DISCORD_API_URL", rest.baseUrl())))
                    .isInstanceOfSatisfying(DiscordMain.StartFailure.class, e -> assertThat(e.exitCode()).isEqualTo(2))
                    .hasMessageContaining("Discord rejected DISCORD_TOKEN").message().doesNotContain("fake.rejected.token");
        }
    }

    @Test
    @DisplayName("a started bot answers /healthz at once and /readyz once its shards are connected")
    void healthEndpoints() throws Exception {
        // GIVEN a fake Discord
        try (FakeDiscordRest rest = new FakeDiscordRest()) {
            FakeDiscordGateway gateway = new FakeDiscordGateway(shard -> DiscordJson.guild(BotPermissions.raw()));
            String gatewayUrl = gateway.begin();
            rest.recommend(gatewayUrl, 1);

            // WHEN the bot starts with its endpoints on a free port
            try (DiscordMain.Running bot = DiscordMain.launch(env("DISCORD_TOKEN", "fake.test.token",
                    "DISCORD_API_URL", rest.baseUrl(), "DISCORD_GATEWAY_URL", gatewayUrl, "DISPATCHER_ADMIN_PORT", "0"))) {

                // THEN
                HttpClient http = HttpClient.newHttpClient();
                URI base = URI.create("http://127.0.0.1:" + bot.admin().port());
                assertThat(http.send(HttpRequest.newBuilder(base.resolve("/healthz")).build(), HttpResponse.BodyHandlers.ofString())
                        .statusCode()).isEqualTo(200);
                Await.until("/readyz says ready", () -> status(http, base.resolve("/readyz")) == 200, Duration.ofSeconds(20));
            } finally {
                gateway.stop(1000);
            }
        }
    }

    private static int status(HttpClient http, URI uri) {
        try {
            return http.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (Exception e) {
            return -1;
        }
    }
}

package dev.dispatcher.ops;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dispatcher.app.BotCore;
import dev.dispatcher.dispatch.ConversationRef;
import dev.dispatcher.dispatch.Task;
import dev.dispatcher.testkit.Cores;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("Operations endpoints and logs")
class OperationsTest {

    private final HttpClient http = HttpClient.newHttpClient();

    private HttpResponse<String> get(AdminServer server, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    @DisplayName("/healthz answers while alive; /readyz follows readiness; /metrics counts routed tasks by specialist")
    void endpoints(@TempDir Path dir) throws Exception {
        AtomicBoolean ready = new AtomicBoolean(false);
        try (BotCore core = Cores.start(dir); AdminServer server = AdminServer.start(0, ready::get, core.metrics())) {
            core.dispatcher().dispatch(new Task("Fix JWT token expiration", "U1", new ConversationRef("slack", "C1", null, "1")));
            core.dispatcher().dispatch(new Task("Fix JWT token expiration", "U1", new ConversationRef("slack", "C1", null, "2")));
            core.dispatcher().dispatch(new Task("", "U1", new ConversationRef("slack", "C1", null, "3")));

            assertThat(get(server, "/healthz").statusCode()).isEqualTo(200);
            assertThat(get(server, "/readyz").statusCode()).isEqualTo(503);
            ready.set(true);
            assertThat(get(server, "/readyz").statusCode()).isEqualTo(200);
            String metrics = get(server, "/metrics").body();
            assertThat(metrics)
                    .contains("dispatcher_tasks_routed_total{platform=\"slack\",specialist=\"auth-system-architect\"} 2.0")
                    .contains("dispatcher_fallbacks_total{reason=\"empty_task\"} 1.0")
                    .contains("dispatcher_cache_hit_ratio")
                    .contains("dispatcher_routing_latency_seconds");
        }
    }

    @Test
    @DisplayName("log lines never show a token or a secret, whether configured or merely token-shaped")
    void masksSecrets() {
        List<String> secrets = SecretMaskingEncoder.secretsFrom(Map.of("SLACK_SIGNING_SECRET", "not-token-shaped-but-secret",
                "DISCORD_TOKEN", "short"));
        String line = "connecting with xoxb-fake-1234567890-abcdefghij and xapp-1-A111-222-abc, signing not-token-shaped-but-secret";
        assertThat(SecretMaskingEncoder.mask(line, secrets))
                .doesNotContain("xoxb-fake-1234567890", "xapp-1-A111", "not-token-shaped-but-secret")
                .contains("***");
    }
}

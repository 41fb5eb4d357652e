package dev.dispatcher.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("the Slack app manifests in deploy/slack")
class ManifestTest {

    private static JsonNode manifest(String name) throws IOException {
        Path root = Path.of(System.getProperty("dispatcher.root", ".."));
        return new ObjectMapper(new YAMLFactory()).readTree(root.resolve("deploy/slack").resolve(name).toFile());
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(node -> values.add(node.asText()));
        return values;
    }

    @Test
    @DisplayName("HTTP manifest: /route, the five scopes and no more, the three events, every request URL on /slack/events")
    void httpManifest() throws IOException {
        JsonNode manifest = manifest("manifest.yml");

        assertThat(manifest.at("/features/slash_commands/0/command").asText()).isEqualTo(RouteCommand.COMMAND);
        assertThat(strings(manifest.at("/oauth_config/scopes/bot")))
                .containsExactlyInAnyOrder("commands", "chat:write", "app_mentions:read", "reactions:read",
                        "usergroups:read");
        assertThat(strings(manifest.at("/settings/event_subscriptions/bot_events")))
                .containsExactlyInAnyOrder("app_mention", "reaction_added", "reaction_removed");
        assertThat(manifest.at("/settings/interactivity/is_enabled").asBoolean()).isTrue();
        assertThat(manifest.at("/settings/socket_mode_enabled").asBoolean()).isFalse();
        assertThat(List.of(manifest.at("/features/slash_commands/0/url").asText(),
                manifest.at("/settings/event_subscriptions/request_url").asText(),
                manifest.at("/settings/interactivity/request_url").asText()))
                .containsOnly("https://YOUR-HOST" + SlackConnection.EVENTS_PATH);
    }

    @Test
    @DisplayName("both manifests declare the 'Route this message' message shortcut the bot listens to")
    void routeThisMessageShortcut() throws IOException {
        for (String name : List.of("manifest.yml", "manifest-socket-mode.yml")) {
            JsonNode shortcut = manifest(name).at("/features/shortcuts/0");
            assertThat(shortcut.at("/type").asText()).as(name).isEqualTo("message");
            assertThat(shortcut.at("/callback_id").asText()).as(name).isEqualTo(RouteMessageShortcut.CALLBACK_ID);
            assertThat(shortcut.at("/name").asText()).as(name).isEqualTo("Route this message");
        }
    }

    @Test
    @DisplayName("Socket Mode manifest: same command, scopes and events, Socket Mode on and no request URL")
    void socketModeManifest() throws IOException {
        JsonNode manifest = manifest("manifest-socket-mode.yml");

        assertThat(manifest.at("/settings/socket_mode_enabled").asBoolean()).isTrue();
        assertThat(strings(manifest.at("/oauth_config/scopes/bot")))
                .containsExactlyInAnyOrder("commands", "chat:write", "app_mentions:read", "reactions:read",
                        "usergroups:read");
        assertThat(strings(manifest.at("/settings/event_subscriptions/bot_events")))
                .containsExactlyInAnyOrder("app_mention", "reaction_added", "reaction_removed");
        assertThat(manifest.toString()).doesNotContain("request_url", "\"url\"");
    }
}

package dev.dispatcher.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("SlackSettings")
class SlackSettingsTest {

    private static final String BOT = "xoxb-test-not-a-token";
    private static final String SECRET = "test-signing-secret-not-real";
    private static final String APP = "xapp-test-not-a-token";

    private static Map<String, String> env(String... pairs) {
        Map<String, String> env = new HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            env.put(pairs[i], pairs[i + 1]);
        }
        return env;
    }

    @Test
    @DisplayName("a bot token and a signing secret select HTTP mode on port 3000 against Slack itself")
    void httpMode() {
        SlackSettings settings = SlackSettings.fromEnvironment(env("SLACK_BOT_TOKEN", BOT, "SLACK_SIGNING_SECRET", SECRET));

        assertThat(settings.mode()).isEqualTo(SlackSettings.Mode.HTTP);
        assertThat(settings.port()).isEqualTo(3000);
        assertThat(settings.apiUrl()).isNull();
        assertThat(settings.appToken()).isNull();
    }

    @Test
    @DisplayName("a bot token and an app token select Socket Mode")
    void socketMode() {
        SlackSettings settings = SlackSettings.fromEnvironment(env("SLACK_BOT_TOKEN", BOT, "SLACK_APP_TOKEN", APP));

        assertThat(settings.mode()).isEqualTo(SlackSettings.Mode.SOCKET_MODE);
        assertThat(settings.signingSecret()).isNull();
    }

    @Test
    @DisplayName("a missing bot token is refused, naming SLACK_BOT_TOKEN")
    void missingBotToken() {
        assertThatThrownBy(() -> SlackSettings.fromEnvironment(env("SLACK_SIGNING_SECRET", SECRET)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("SLACK_BOT_TOKEN");
    }

    @Test
    @DisplayName("neither signing secret nor app token is refused, naming both")
    void neitherSecretNorAppToken() {
        assertThatThrownBy(() -> SlackSettings.fromEnvironment(env("SLACK_BOT_TOKEN", BOT)))
                .hasMessageContaining("SLACK_SIGNING_SECRET").hasMessageContaining("SLACK_APP_TOKEN");
    }

    @Test
    @DisplayName("both signing secret and app token are refused unless SLACK_MODE says which")
    void bothNeedMode() {
        Map<String, String> both = env("SLACK_BOT_TOKEN", BOT, "SLACK_SIGNING_SECRET", SECRET, "SLACK_APP_TOKEN", APP);
        assertThatThrownBy(() -> SlackSettings.fromEnvironment(both)).hasMessageContaining("SLACK_MODE");

        both.put("SLACK_MODE", "socket");
        assertThat(SlackSettings.fromEnvironment(both).mode()).isEqualTo(SlackSettings.Mode.SOCKET_MODE);
        both.put("SLACK_MODE", "http");
        assertThat(SlackSettings.fromEnvironment(both).mode()).isEqualTo(SlackSettings.Mode.HTTP);
    }

    @Test
    @DisplayName("workers and queue limit default to 8 and 1000, and a value out of range is refused, naming the variable")
    void workersAndQueue() {
        SlackSettings defaults = SlackSettings.fromEnvironment(env("SLACK_BOT_TOKEN", BOT, "SLACK_SIGNING_SECRET", SECRET));
        assertThat(defaults.workers()).isEqualTo(8);
        assertThat(defaults.queueLimit()).isEqualTo(1000);
        SlackSettings sized = SlackSettings.fromEnvironment(env("SLACK_BOT_TOKEN", BOT, "SLACK_SIGNING_SECRET", SECRET,
                "SLACK_WORKERS", "16", "SLACK_QUEUE_LIMIT", "50"));
        assertThat(sized.workers()).isEqualTo(16);
        assertThat(sized.queueLimit()).isEqualTo(50);
        assertThatThrownBy(() -> SlackSettings.fromEnvironment(env("SLACK_BOT_TOKEN", BOT, "SLACK_SIGNING_SECRET", SECRET, "SLACK_WORKERS", "0")))
                .hasMessageContaining("SLACK_WORKERS");
        assertThatThrownBy(() -> SlackSettings.fromEnvironment(env("SLACK_BOT_TOKEN", BOT, "SLACK_SIGNING_SECRET", SECRET, "SLACK_QUEUE_LIMIT", "lots")))
                .hasMessageContaining("SLACK_QUEUE_LIMIT");
    }

    @Test
    @DisplayName("a port that is not a port is refused, naming SLACK_PORT")
    void badPort() {
        assertThatThrownBy(() -> SlackSettings.fromEnvironment(env("SLACK_BOT_TOKEN", BOT, "SLACK_SIGNING_SECRET", SECRET, "SLACK_PORT", "99999")))
                .hasMessageContaining("SLACK_PORT");
    }

    @Test
    @DisplayName("tokens of the wrong kind are refused, naming the variable")
    void wrongTokenKinds() {
        assertThatThrownBy(() -> SlackSettings.fromEnvironment(env("SLACK_BOT_TOKEN", "xoxp-user-token", "SLACK_SIGNING_SECRET", SECRET)))
                .hasMessageContaining("SLACK_BOT_TOKEN").hasMessageNotContaining("xoxp-user-token");
        assertThatThrownBy(() -> SlackSettings.fromEnvironment(env("SLACK_BOT_TOKEN", BOT, "SLACK_APP_TOKEN", "xoxb-wrong")))
                .hasMessageContaining("SLACK_APP_TOKEN").hasMessageNotContaining("xoxb-wrong");
    }

    @Test
    @DisplayName("SLACK_API_URL points the Web API elsewhere and always ends with a slash")
    void apiUrl() {
        SlackSettings settings = SlackSettings.fromEnvironment(env("SLACK_BOT_TOKEN", BOT, "SLACK_SIGNING_SECRET", SECRET,
                "SLACK_API_URL", "http://127.0.0.1:9999/api"));

        assertThat(settings.apiUrl()).isEqualTo("http://127.0.0.1:9999/api/");
    }

    @Test
    @DisplayName("toString shows no token and no secret")
    void toStringHidesSecrets() {
        String shown = SlackSettings.fromEnvironment(env("SLACK_BOT_TOKEN", BOT, "SLACK_SIGNING_SECRET", SECRET)).toString();

        assertThat(shown).doesNotContain(BOT, SECRET, "xoxb").contains("HTTP");
    }
}

package dev.dispatcher.slack;

import dev.dispatcher.app.EnvironmentValues;
import java.util.Locale;
import java.util.Map;

/**
 * How the Slack front end connects, read once from the environment; {@link #toString()} never shows a secret.
 *
 * @param mode          HTTP (Slack calls {@code /slack/events}) or Socket Mode (the bot dials out to Slack)
 * @param botToken      {@code SLACK_BOT_TOKEN}, the bot's {@code xoxb-} token
 * @param signingSecret {@code SLACK_SIGNING_SECRET}, verifies requests in HTTP mode; {@code null} in Socket Mode
 * @param appToken      {@code SLACK_APP_TOKEN}, the {@code xapp-} token that opens Socket Mode; {@code null} in HTTP mode
 * @param port          {@code SLACK_PORT}, where HTTP mode listens (default 3000)
 * @param apiUrl        {@code SLACK_API_URL}, another Web API base such as a local fake, ending in {@code /}; {@code null}
 *                      for Slack itself
 * @param workers       {@code SLACK_WORKERS}, threads that route and post after the acknowledgement (default 8)
 * @param queueLimit    {@code SLACK_QUEUE_LIMIT}, acknowledged events that may wait for a worker (default 1000); beyond
 *                      it the bot says it is busy instead of piling up memory and latency
 */
public record SlackSettings(Mode mode, String botToken, String signingSecret, String appToken, int port, String apiUrl,
                            int workers, int queueLimit) {

    /** The two ways a Bolt app receives Slack's requests. */
    public enum Mode { HTTP, SOCKET_MODE }

    static final int DEFAULT_PORT = 3000;
    static final int DEFAULT_WORKERS = 8;
    static final int DEFAULT_QUEUE_LIMIT = 1000;

    /**
     * Reads and checks the settings.
     *
     * @throws IllegalArgumentException with one sentence naming the variable that is missing, malformed or contradictory
     */
    public static SlackSettings fromEnvironment(Map<String, String> env) {
        String botToken = EnvironmentValues.text(env, "SLACK_BOT_TOKEN");
        if (botToken == null) {
            throw new IllegalArgumentException("SLACK_BOT_TOKEN is not set: copy the Bot User OAuth Token (xoxb-…) from"
                    + " your Slack app's OAuth & Permissions page.");
        }
        if (!botToken.startsWith("xoxb-")) {
            throw new IllegalArgumentException("SLACK_BOT_TOKEN must be a bot token starting with xoxb-.");
        }
        String secret = EnvironmentValues.text(env, "SLACK_SIGNING_SECRET");
        String appToken = EnvironmentValues.text(env, "SLACK_APP_TOKEN");
        if (appToken != null && !appToken.startsWith("xapp-")) {
            throw new IllegalArgumentException("SLACK_APP_TOKEN must be an app-level token starting with xapp-.");
        }
        Mode mode = mode(EnvironmentValues.text(env, "SLACK_MODE"), secret, appToken);
        return new SlackSettings(mode, botToken,
                mode == Mode.HTTP ? secret : null,
                mode == Mode.SOCKET_MODE ? appToken : null,
                whole(env, "SLACK_PORT", DEFAULT_PORT, 1, 65_535, "a port number"),
                apiUrl(env),
                whole(env, "SLACK_WORKERS", DEFAULT_WORKERS, 1, 256, "a number of threads"),
                whole(env, "SLACK_QUEUE_LIMIT", DEFAULT_QUEUE_LIMIT, 1, 100_000, "a number of events"));
    }

    private static Mode mode(String declared, String secret, String appToken) {
        if (declared != null) {
            Mode mode = switch (declared.toLowerCase(Locale.ROOT)) {
                case "http" -> Mode.HTTP;
                case "socket", "socket-mode", "socket_mode" -> Mode.SOCKET_MODE;
                default -> throw new IllegalArgumentException("SLACK_MODE must be 'http' or 'socket', was '" + declared + "'.");
            };
            if (mode == Mode.HTTP && secret == null) {
                throw new IllegalArgumentException("SLACK_MODE=http needs SLACK_SIGNING_SECRET (Basic Information → Signing Secret).");
            }
            if (mode == Mode.SOCKET_MODE && appToken == null) {
                throw new IllegalArgumentException("SLACK_MODE=socket needs SLACK_APP_TOKEN (an xapp- token with connections:write).");
            }
            return mode;
        }
        if (secret != null && appToken != null) {
            throw new IllegalArgumentException("Both SLACK_SIGNING_SECRET and SLACK_APP_TOKEN are set: set SLACK_MODE=http"
                    + " or SLACK_MODE=socket to say which one to use.");
        }
        if (secret == null && appToken == null) {
            throw new IllegalArgumentException("Set SLACK_SIGNING_SECRET (HTTP mode) or SLACK_APP_TOKEN (Socket Mode).");
        }
        return secret != null ? Mode.HTTP : Mode.SOCKET_MODE;
    }

    private static int whole(Map<String, String> env, String name, int fallback, int min, int max, String what) {
        return (int) EnvironmentValues.wholeNumber(env, name, fallback, min, max, what);
    }

    /** {@code SLACK_API_URL}, checked like every URL setting, ending in {@code /} as the Slack SDK expects. */
    private static String apiUrl(Map<String, String> env) {
        String value = EnvironmentValues.webUrl(env, "SLACK_API_URL", "https://slack.com/api/");
        return value == null || value.endsWith("/") ? value : value + "/";
    }

    @Override
    public String toString() {
        return "SlackSettings[mode=" + mode + ", port=" + port + ", apiUrl=" + (apiUrl == null ? "Slack" : apiUrl)
                + ", workers=" + workers + ", queueLimit=" + queueLimit
                + ", botToken=" + shown(botToken) + ", signingSecret=" + shown(signingSecret)
                + ", appToken=" + shown(appToken) + "]";
    }

    private static String shown(String secret) {
        return secret == null ? "unset" : "set (hidden)";
    }
}

package dev.dispatcher.web;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Settings of the web page, read once from the environment and checked: it listens on loopback unless
 * {@code DISPATCHER_WEB_BIND} says otherwise, and then only with {@code DISPATCHER_WEB_TOKEN}, which every request
 * must then carry.
 *
 * @param bind            address to listen on ({@code DISPATCHER_WEB_BIND}, default {@code 127.0.0.1})
 * @param port            port ({@code DISPATCHER_WEB_PORT}, default 8080; 0 picks a free one)
 * @param token           what a request must carry ({@code DISPATCHER_WEB_TOKEN}), or {@code null}: then only this
 *                        machine can reach the page; never logged
 * @param slackWorkspace  the Slack workspace's URL, e.g. {@code https://yourteam.slack.com}
 *                        ({@code DISPATCHER_WEB_SLACK_URL}), for links to messages; {@code null}: no Slack links
 * @param discordGuild    the Discord server id ({@code DISCORD_GUILD_ID}), for links to messages; {@code null}: none
 */
public record WebSettings(String bind, int port, String token, String slackWorkspace, String discordGuild) {

    /** The fewest characters a token may have: long enough that guessing it is hopeless. */
    static final int MIN_TOKEN_CHARS = 16;

    @Override
    public String toString() {
        return "WebSettings[bind=" + bind + ", port=" + port + ", token=" + (token == null ? "none" : "***") + "]";
    }

    /**
     * The settings of {@code ./dispatcher web}.
     *
     * @throws IllegalArgumentException naming the variable whose value is unusable
     */
    public static WebSettings fromEnvironment(Map<String, String> env) {
        String bind = value(env, "DISPATCHER_WEB_BIND");
        bind = bind == null ? "127.0.0.1" : bind;
        String token = token(env);
        if (token == null && !loopback(bind)) {
            throw new IllegalArgumentException("DISPATCHER_WEB_TOKEN must be set when DISPATCHER_WEB_BIND is not a loopback address (was '"
                    + bind + "'): anyone who reaches the port could change routing");
        }
        return new WebSettings(bind, port(env), token, slackWorkspace(env), discordGuild(env));
    }

    /**
     * Whether a bot serves the page on its admin port ({@code DISPATCHER_WEB=on}), and with which settings. The admin
     * port listens on every interface (probes reach it from outside), so the token is then required.
     *
     * @throws IllegalArgumentException naming the variable whose value is unusable
     */
    public static Optional<WebSettings> onAdminPort(Map<String, String> env) {
        String on = value(env, "DISPATCHER_WEB");
        if (on == null || on.equalsIgnoreCase("off")) {
            return Optional.empty();
        }
        if (!on.equalsIgnoreCase("on")) {
            throw new IllegalArgumentException("DISPATCHER_WEB must be on or off, was '" + on + "'");
        }
        String token = token(env);
        if (token == null) {
            throw new IllegalArgumentException("DISPATCHER_WEB_TOKEN must be set when DISPATCHER_WEB=on: the admin port"
                    + " (DISPATCHER_ADMIN_PORT) listens on every interface");
        }
        return Optional.of(new WebSettings("0.0.0.0", -1, token, slackWorkspace(env), discordGuild(env)));
    }

    /** Whether requests must carry the token. */
    boolean tokenRequired() {
        return token != null;
    }

    private static String token(Map<String, String> env) {
        String token = value(env, "DISPATCHER_WEB_TOKEN");
        if (token != null && (token.length() < MIN_TOKEN_CHARS || !token.chars().allMatch(c -> c > 32 && c < 127))) {
            // The value itself is never echoed: it is a secret.
            throw new IllegalArgumentException("DISPATCHER_WEB_TOKEN must be at least " + MIN_TOKEN_CHARS
                    + " printable ASCII characters without spaces (e.g. the output of: openssl rand -hex 24)");
        }
        return token;
    }

    private static int port(Map<String, String> env) {
        String value = value(env, "DISPATCHER_WEB_PORT");
        if (value == null) {
            return 8080;
        }
        try {
            int port = Integer.parseInt(value);
            if (port >= 0 && port <= 65_535) {
                return port;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("DISPATCHER_WEB_PORT must be a port number from 0 to 65535, was '" + value + "'");
    }

    private static boolean loopback(String bind) {
        try {
            return InetAddress.getByName(bind).isLoopbackAddress();
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("DISPATCHER_WEB_BIND must be an address of this machine, e.g. 127.0.0.1 or 0.0.0.0, was '"
                    + bind + "'");
        }
    }

    private static String slackWorkspace(Map<String, String> env) {
        String value = value(env, "DISPATCHER_WEB_SLACK_URL");
        if (value == null) {
            return null;
        }
        try {
            URI uri = new URI(value);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if ((scheme.equals("https") || scheme.equals("http")) && uri.getHost() != null) {
                return value.endsWith("/") ? value.substring(0, value.length() - 1) : value;
            }
        } catch (URISyntaxException e) {
            // reported below
        }
        throw new IllegalArgumentException("DISPATCHER_WEB_SLACK_URL must be your workspace's URL, e.g. https://yourteam.slack.com, was '"
                + value + "'");
    }

    private static String discordGuild(Map<String, String> env) {
        String value = value(env, "DISCORD_GUILD_ID");
        return value != null && value.matches("[0-9]{1,25}") ? value : null;
    }

    private static String value(Map<String, String> env, String name) {
        String value = env.get(name);
        return value == null || value.isBlank() ? null : value.trim();
    }
}

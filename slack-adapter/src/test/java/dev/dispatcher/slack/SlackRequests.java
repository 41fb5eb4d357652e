package dev.dispatcher.slack;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.slack.api.app_backend.SlackSignature;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

/**
 * Sends the bot what Slack would send: slash commands, Events API callbacks and block actions, signed exactly as Slack
 * signs them ({@code v0:timestamp:body}, HMAC-SHA256 with the signing secret), to {@code /slack/events}.
 */
final class SlackRequests {

    static final String SIGNING_SECRET = "test-signing-secret-not-real";
    static final String TEAM = "T0FAKE";

    /** What the bot answered Slack, and how long it took. */
    record Answer(int status, String body, Duration took) {}

    private final HttpClient http = HttpClient.newHttpClient();
    private final String endpoint;
    private final String signingSecret;
    private final AtomicInteger triggers = new AtomicInteger();

    /** Requests signed with the test kit's {@link #SIGNING_SECRET}. */
    SlackRequests(int port) {
        this(port, SIGNING_SECRET);
    }

    SlackRequests(int port, String signingSecret) {
        this.endpoint = "http://127.0.0.1:" + port + SlackConnection.EVENTS_PATH;
        this.signingSecret = signingSecret;
    }

    // ---- slash commands

    /** {@code /route text} typed by {@code user} in {@code channel}, with a fresh trigger id. */
    Answer route(String text, String user, String channel, String responseUrl) throws IOException, InterruptedException {
        return route(text, user, channel, responseUrl, "trigger-" + triggers.incrementAndGet());
    }

    Answer route(String text, String user, String channel, String responseUrl, String triggerId) throws IOException, InterruptedException {
        return signedPost(formBody(routeForm(text, user, channel, responseUrl, triggerId)), "application/x-www-form-urlencoded", Map.of());
    }

    /** The fields of a {@code /route text} command: a form in HTTP mode, a JSON payload in Socket Mode. */
    static Map<String, String> routeForm(String text, String user, String channel, String responseUrl, String triggerId) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("token", "legacy-verification-token-unused");
        form.put("team_id", TEAM);
        form.put("team_domain", "fake");
        form.put("channel_id", channel);
        form.put("channel_name", "backend");
        form.put("user_id", user);
        form.put("user_name", "someone");
        form.put("command", "/route");
        form.put("text", text);
        form.put("api_app_id", "A0FAKE");
        form.put("response_url", responseUrl);
        form.put("trigger_id", triggerId);
        return form;
    }

    // ---- events

    static JsonObject mention(String user, String channel, String ts, String threadTs, String text) {
        JsonObject event = new JsonObject();
        event.addProperty("type", "app_mention");
        event.addProperty("user", user);
        event.addProperty("text", text);
        event.addProperty("ts", ts);
        if (threadTs != null) {
            event.addProperty("thread_ts", threadTs);
        }
        event.addProperty("channel", channel);
        event.addProperty("event_ts", ts);
        return event;
    }

    static JsonObject reaction(String type, String user, String reaction, String channel, String messageTs) {
        JsonObject item = new JsonObject();
        item.addProperty("type", "message");
        item.addProperty("channel", channel);
        item.addProperty("ts", messageTs);
        JsonObject event = new JsonObject();
        event.addProperty("type", type);
        event.addProperty("user", user);
        event.addProperty("reaction", reaction);
        event.addProperty("item_user", FakeSlackApi.BOT_USER);
        event.add("item", item);
        event.addProperty("event_ts", "1700000500.000100");
        return event;
    }

    /** An Events API callback; {@code retryNum} adds Slack's retry headers when not {@code null}. */
    Answer event(String eventId, JsonObject event, Integer retryNum) throws IOException, InterruptedException {
        Map<String, String> headers = retryNum == null ? Map.of()
                : Map.of("X-Slack-Retry-Num", retryNum.toString(), "X-Slack-Retry-Reason", "http_timeout");
        return signedPost(callback(eventId, event).toString(), "application/json", headers);
    }

    /** The Events API callback that carries {@code event}: the body in HTTP mode, the payload in Socket Mode. */
    static JsonObject callback(String eventId, JsonObject event) {
        JsonObject callback = new JsonObject();
        callback.addProperty("token", "legacy-verification-token-unused");
        callback.addProperty("team_id", TEAM);
        callback.addProperty("api_app_id", "A0FAKE");
        callback.add("event", event);
        callback.addProperty("type", "event_callback");
        callback.addProperty("event_id", eventId);
        callback.addProperty("event_time", 1_700_000_000);
        return callback;
    }

    Answer event(String eventId, JsonObject event) throws IOException, InterruptedException {
        return event(eventId, event, null);
    }

    // ---- interactivity

    /** A choice in the misroute menu of the message {@code messageTs}, in the thread {@code threadTs}. */
    Answer choose(String user, String channel, String messageTs, String threadTs, String optionValue) throws IOException, InterruptedException {
        JsonObject container = new JsonObject();
        container.addProperty("type", "message");
        container.addProperty("message_ts", messageTs);
        container.addProperty("channel_id", channel);
        container.addProperty("is_ephemeral", false);
        container.addProperty("thread_ts", threadTs);
        JsonObject selected = new JsonObject();
        JsonObject text = new JsonObject();
        text.addProperty("type", "plain_text");
        text.addProperty("text", optionValue);
        selected.add("text", text);
        selected.addProperty("value", optionValue);
        JsonObject action = new JsonObject();
        action.addProperty("type", "static_select");
        action.addProperty("action_id", MisrouteMessages.CHOICE_ACTION);
        action.addProperty("block_id", "misroute");
        action.add("selected_option", selected);
        action.addProperty("action_ts", "1700000600.000100");
        JsonArray actions = new JsonArray();
        actions.add(action);
        JsonObject userObject = new JsonObject();
        userObject.addProperty("id", user);
        JsonObject team = new JsonObject();
        team.addProperty("id", TEAM);
        JsonObject channelObject = new JsonObject();
        channelObject.addProperty("id", channel);
        JsonObject payload = new JsonObject();
        payload.addProperty("type", "block_actions");
        payload.add("user", userObject);
        payload.addProperty("api_app_id", "A0FAKE");
        payload.addProperty("token", "legacy-verification-token-unused");
        payload.add("container", container);
        payload.addProperty("trigger_id", "trigger-" + triggers.incrementAndGet());
        payload.add("team", team);
        payload.add("channel", channelObject);
        payload.add("actions", actions);
        return signedPost("payload=" + URLEncoder.encode(payload.toString(), StandardCharsets.UTF_8),
                "application/x-www-form-urlencoded", Map.of());
    }

    /**
     * "Route this message" on the message {@code messageTs} (in the thread {@code threadTs}, or none), written by a
     * person or, with {@code botId}, by a bot.
     */
    Answer shortcut(String user, String channel, String messageTs, String threadTs, String text, String botId,
                    String responseUrl) throws IOException, InterruptedException {
        JsonObject message = new JsonObject();
        message.addProperty("type", "message");
        message.addProperty("ts", messageTs);
        message.addProperty("text", text);
        if (threadTs != null) {
            message.addProperty("thread_ts", threadTs);
        }
        if (botId != null) {
            message.addProperty("bot_id", botId);
            message.addProperty("subtype", "bot_message");
        } else {
            message.addProperty("user", "U0AUTHOR");
        }
        JsonObject userObject = new JsonObject();
        userObject.addProperty("id", user);
        JsonObject team = new JsonObject();
        team.addProperty("id", TEAM);
        JsonObject channelObject = new JsonObject();
        channelObject.addProperty("id", channel);
        JsonObject payload = new JsonObject();
        payload.addProperty("type", "message_action");
        payload.addProperty("callback_id", RouteMessageShortcut.CALLBACK_ID);
        payload.addProperty("trigger_id", "trigger-" + triggers.incrementAndGet());
        payload.addProperty("message_ts", messageTs);
        payload.addProperty("response_url", responseUrl);
        payload.addProperty("token", "legacy-verification-token-unused");
        payload.addProperty("action_ts", "1700000700.000100");
        payload.add("message", message);
        payload.add("user", userObject);
        payload.add("team", team);
        payload.add("channel", channelObject);
        return signedPost("payload=" + URLEncoder.encode(payload.toString(), StandardCharsets.UTF_8),
                "application/x-www-form-urlencoded", Map.of());
    }

    // ---- signing

    /** Posts {@code body} signed now with the right secret. */
    Answer signedPost(String body, String contentType, Map<String, String> headers) throws IOException, InterruptedException {
        String timestamp = String.valueOf(System.currentTimeMillis() / 1000);
        return post(body, contentType, timestamp, sign(signingSecret, timestamp, body), headers);
    }

    /** Posts {@code body} with exactly the given timestamp and signature headers. */
    Answer post(String body, String contentType, String timestamp, String signature, Map<String, String> headers)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(endpoint))
                .timeout(Duration.ofSeconds(20))
                .header("Content-Type", contentType)
                .header(SlackSignature.HeaderNames.X_SLACK_REQUEST_TIMESTAMP, timestamp)
                .header(SlackSignature.HeaderNames.X_SLACK_SIGNATURE, signature)
                .POST(HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(request::header);
        long start = System.nanoTime();
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        return new Answer(response.statusCode(), response.body(), Duration.ofNanos(System.nanoTime() - start));
    }

    static String sign(String secret, String timestamp, String body) {
        return new SlackSignature.Generator(secret).generate(timestamp, body);
    }

    static String formBody(Map<String, String> form) {
        return form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }
}

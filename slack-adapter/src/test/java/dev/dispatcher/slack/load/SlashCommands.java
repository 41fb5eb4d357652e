package dev.dispatcher.slack.load;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.slack.api.app_backend.SlackSignature;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code /route} requests as Slack sends them: form-encoded, signed now with the signing secret, each with a fresh
 * {@code trigger_id}, the task taken in turn from a file of realistic requests (one JSON object with a {@code text} per
 * line, such as {@code eval/dev-cases.jsonl}). Thread-safe.
 */
final class SlashCommands {

    private final List<String> tasks;
    private final SlackSignature.Generator signer;
    private final String responseUrl;
    private final AtomicLong sequence = new AtomicLong();

    private SlashCommands(List<String> tasks, String signingSecret, String responseUrl) {
        this.tasks = tasks;
        this.signer = new SlackSignature.Generator(signingSecret);
        this.responseUrl = responseUrl;
    }

    static SlashCommands from(Path jsonl, String signingSecret, String responseUrl) throws IOException {
        List<String> tasks = Files.readAllLines(jsonl).stream().filter(line -> !line.isBlank())
                .map(line -> JsonParser.parseString(line).getAsJsonObject())
                .map(object -> textOf(object)).toList();
        return new SlashCommands(tasks, signingSecret, responseUrl);
    }

    private static String textOf(JsonObject object) {
        return object.get("text").getAsString();
    }

    /** The next command, signed for {@code endpoint}; Slack gives up on an acknowledgement after 3 s, and so does this. */
    HttpRequest next(URI endpoint) {
        long n = sequence.incrementAndGet();
        String body = "token=unused&team_id=T0LOAD&team_domain=load&channel_id=C0LOAD&channel_name=load"
                + "&user_id=U0LOAD" + (n % 50) + "&user_name=load&command=%2Froute"
                + "&text=" + URLEncoder.encode(tasks.get((int) (n % tasks.size())), StandardCharsets.UTF_8)
                + "&api_app_id=A0LOAD&response_url=" + URLEncoder.encode(responseUrl, StandardCharsets.UTF_8)
                + "&trigger_id=load-" + n;
        String timestamp = String.valueOf(System.currentTimeMillis() / 1000);
        return HttpRequest.newBuilder(endpoint)
                .timeout(Duration.ofSeconds(3))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header(SlackSignature.HeaderNames.X_SLACK_REQUEST_TIMESTAMP, timestamp)
                .header(SlackSignature.HeaderNames.X_SLACK_SIGNATURE, signer.generate(timestamp, body))
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
    }
}

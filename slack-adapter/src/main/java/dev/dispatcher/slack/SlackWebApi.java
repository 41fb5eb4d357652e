package dev.dispatcher.slack;

import com.google.gson.Gson;
import com.google.gson.JsonObject;
import com.slack.api.Slack;
import com.slack.api.methods.SlackApiException;
import com.slack.api.util.http.SlackHttpClient;
import com.slack.api.util.json.GsonFactory;
import java.io.IOException;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * The three Web API methods the bot posts with ({@code chat.postMessage}, {@code chat.update},
 * {@code chat.postEphemeral}), sent as JSON bodies through the SDK's own HTTP client but serialised and parsed with one
 * Gson kept for the process. The SDK's typed methods build a new Gson for every request and every response, so each
 * call paid for Gson's reflective adapters of Block Kit and of the whole {@code Message} model again: a third of the
 * bot's CPU under load; and a form body percent-encodes the blocks' JSON a character at a time (see BENCHMARKS.md).
 * Only {@code ok}, {@code error} and the message's {@code ts} are read from an answer. Thread-safe.
 */
final class SlackWebApi {

    private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");

    private final SlackHttpClient http;
    private final OkHttpClient client;
    private final String methodsUrl;
    private final String authorization;
    private final Gson gson;

    SlackWebApi(Slack slack, String token) {
        this.http = slack.getHttpClient();
        this.client = http.getOkHttpClient();
        this.methodsUrl = slack.getConfig().getMethodsEndpointUrlPrefix();
        this.authorization = "Bearer " + token;
        this.gson = GsonFactory.createSnakeCase(slack.getConfig());
    }

    /** The arguments of a message: its channel, fallback text and blocks. */
    JsonObject message(String channel, SlackMessage message) {
        JsonObject arguments = new JsonObject();
        arguments.addProperty("channel", channel);
        arguments.addProperty("text", message.text());
        if (!message.blocks().isEmpty()) {
            arguments.add("blocks", gson.toJsonTree(message.blocks()));
        }
        return arguments;
    }

    /**
     * Calls {@code method} with {@code arguments} as its JSON body.
     *
     * @throws SlackApiException for an HTTP status other than 2xx (a 429 carries {@code Retry-After})
     * @throws IOException       when Slack could not be reached
     */
    SlackPoster.Posted call(String method, JsonObject arguments) throws IOException, SlackApiException {
        Request request = new Request.Builder().url(methodsUrl + method).header("Authorization", authorization)
                .post(RequestBody.create(gson.toJson(arguments), JSON)).build();
        try (Response response = client.newCall(request).execute()) {
            ResponseBody body = response.body();
            String json = body == null ? "" : body.string();
            if (!response.isSuccessful()) {
                throw new SlackApiException(http.getConfig(), response, json);
            }
            Answer answer = gson.fromJson(json, Answer.class);
            if (answer == null) {
                return SlackPoster.Posted.failed("invalid_response");
            }
            return answer.ok ? SlackPoster.Posted.ok(answer.ts != null ? answer.ts : answer.messageTs)
                    : SlackPoster.Posted.failed(answer.error);
        }
    }

    /** What the bot reads of a Web API answer. */
    private static final class Answer {
        boolean ok;
        String error;
        String ts;
        String messageTs;
    }
}

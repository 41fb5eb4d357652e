package dev.dispatcher.slack;

import com.google.gson.Gson;
import com.slack.api.Slack;
import com.slack.api.methods.SlackApiException;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.util.http.SlackHttpClient;
import com.slack.api.util.json.GsonFactory;
import java.io.IOException;
import java.util.List;
import okhttp3.FormBody;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * The three Web API methods the bot posts with ({@code chat.postMessage}, {@code chat.update},
 * {@code chat.postEphemeral}), sent through the SDK's own HTTP client but serialised and parsed with one Gson kept for
 * the process. The SDK's typed methods build a new Gson for every request and every response, so each call paid for
 * Gson's reflective adapters of Block Kit and of the whole {@code Message} model again: a third of the bot's CPU under
 * load (see BENCHMARKS.md). Only {@code ok}, {@code error} and the message's {@code ts} are read from an answer.
 * Thread-safe.
 */
final class SlackWebApi {

    private final SlackHttpClient http;
    private final String methodsUrl;
    private final String token;
    private final Gson gson;

    SlackWebApi(Slack slack, String token) {
        this.http = slack.getHttpClient();
        this.methodsUrl = slack.getConfig().getMethodsEndpointUrlPrefix();
        this.token = token;
        this.gson = GsonFactory.createSnakeCase(slack.getConfig());
    }

    /** The form of a message with its blocks as Slack's JSON, and its fallback text. */
    FormBody.Builder message(String channel, SlackMessage message) {
        FormBody.Builder form = new FormBody.Builder().add("channel", channel).add("text", message.text());
        if (!message.blocks().isEmpty()) {
            form.add("blocks", blocks(message.blocks()));
        }
        return form;
    }

    private String blocks(List<LayoutBlock> blocks) {
        return gson.toJson(blocks);
    }

    /**
     * Calls {@code method} with {@code form}.
     *
     * @throws SlackApiException for an HTTP status other than 2xx (a 429 carries {@code Retry-After})
     * @throws IOException       when Slack could not be reached
     */
    SlackPoster.Posted call(String method, FormBody form) throws IOException, SlackApiException {
        try (Response response = http.postFormWithBearerHeader(methodsUrl + method, token, form)) {
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

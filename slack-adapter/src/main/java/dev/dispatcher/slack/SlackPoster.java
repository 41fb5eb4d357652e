package dev.dispatcher.slack;

import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.request.chat.ChatPostEphemeralRequest;
import com.slack.api.methods.request.chat.ChatPostMessageRequest;
import com.slack.api.methods.request.chat.ChatUpdateRequest;
import com.slack.api.methods.response.chat.ChatPostEphemeralResponse;
import com.slack.api.methods.response.chat.ChatPostMessageResponse;
import com.slack.api.methods.response.chat.ChatUpdateResponse;
import dev.dispatcher.ops.DispatcherMetrics;

/**
 * Posts, updates and privately posts the bot's messages through the Web API, each call with
 * {@link WebApiRetries bounded retries}: what still fails is returned to the caller, never swallowed. Call it from a
 * worker thread, never from a handler that must acknowledge Slack. Thread-safe.
 */
final class SlackPoster {

    static final int MAX_TRIES = WebApiRetries.MAX_TRIES;

    private final MethodsClient client;
    private final WebApiRetries retries;

    SlackPoster(MethodsClient client, DispatcherMetrics metrics) {
        this.client = client;
        this.retries = new WebApiRetries(metrics);
    }

    /** The outcome of a post: the new message's {@code ts}, or Slack's error code. */
    record Posted(String ts, String error) {

        static Posted ok(String ts) {
            return new Posted(ts, null);
        }

        static Posted failed(String error) {
            return new Posted(null, error == null ? "unknown_error" : error);
        }

        boolean ok() {
            return error == null;
        }

        /** Whether Slack refused because the bot is not in the channel (or cannot see it). */
        boolean notInChannel() {
            return "not_in_channel".equals(error) || "channel_not_found".equals(error);
        }
    }

    /** Posts a visible message, in a thread when {@code threadTs} is given. */
    Posted post(String channel, String threadTs, SlackMessage message, String decisionId) {
        ChatPostMessageRequest request = ChatPostMessageRequest.builder()
                .channel(channel).threadTs(threadTs).text(message.text())
                .blocks(message.blocks().isEmpty() ? null : message.blocks())
                .unfurlLinks(false).unfurlMedia(false)
                .build();
        return retries.call("chat.postMessage", channel, decisionId, () -> {
            ChatPostMessageResponse response = client.chatPostMessage(request);
            return response.isOk() ? Posted.ok(response.getTs()) : Posted.failed(response.getError());
        });
    }

    /** Replaces the text and blocks of a message the bot posted ({@code chat.update}, about 50 a minute per workspace). */
    Posted update(String channel, String ts, SlackMessage message, String decisionId) {
        ChatUpdateRequest request = ChatUpdateRequest.builder()
                .channel(channel).ts(ts).text(message.text())
                .blocks(message.blocks().isEmpty() ? null : message.blocks())
                .build();
        return retries.call("chat.update", channel, decisionId, () -> {
            ChatUpdateResponse response = client.chatUpdate(request);
            return response.isOk() ? Posted.ok(response.getTs()) : Posted.failed(response.getError());
        });
    }

    /** Posts a message only {@code user} sees. */
    Posted postEphemeral(String channel, String user, String threadTs, String text, String decisionId) {
        ChatPostEphemeralRequest request = ChatPostEphemeralRequest.builder()
                .channel(channel).user(user).threadTs(threadTs).text(text).build();
        return retries.call("chat.postEphemeral", channel, decisionId, () -> {
            ChatPostEphemeralResponse response = client.chatPostEphemeral(request);
            return response.isOk() ? Posted.ok(response.getMessageTs()) : Posted.failed(response.getError());
        });
    }

}

package dev.dispatcher.slack;

import dev.dispatcher.ops.DispatcherMetrics;
import com.google.gson.JsonObject;

/**
 * Posts, updates and privately posts the bot's messages through the Web API, each call with
 * {@link WebApiRetries bounded retries}: what still fails is returned to the caller, never swallowed. Call it from a
 * worker thread, never from a handler that must acknowledge Slack. Thread-safe.
 */
final class SlackPoster {

    static final int MAX_TRIES = WebApiRetries.MAX_TRIES;

    private final SlackWebApi api;
    private final WebApiRetries retries;

    SlackPoster(SlackWebApi api, DispatcherMetrics metrics) {
        this.api = api;
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
        JsonObject body = api.message(channel, message);
        body.addProperty("unfurl_links", false);
        body.addProperty("unfurl_media", false);
        if (threadTs != null) {
            body.addProperty("thread_ts", threadTs);
        }
        return retries.call("chat.postMessage", channel, decisionId, () -> api.call("chat.postMessage", body));
    }

    /** Replaces the text and blocks of a message the bot posted ({@code chat.update}, about 50 a minute per workspace). */
    Posted update(String channel, String ts, SlackMessage message, String decisionId) {
        JsonObject body = api.message(channel, message);
        body.addProperty("ts", ts);
        return retries.call("chat.update", channel, decisionId, () -> api.call("chat.update", body));
    }

    /** Posts a message only {@code user} sees. */
    Posted postEphemeral(String channel, String user, String threadTs, String text, String decisionId) {
        JsonObject body = new JsonObject();
        body.addProperty("channel", channel);
        body.addProperty("user", user);
        body.addProperty("text", text);
        if (threadTs != null) {
            body.addProperty("thread_ts", threadTs);
        }
        return retries.call("chat.postEphemeral", channel, decisionId, () -> api.call("chat.postEphemeral", body));
    }
}

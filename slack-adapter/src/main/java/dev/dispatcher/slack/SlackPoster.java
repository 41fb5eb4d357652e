package dev.dispatcher.slack;

import com.slack.api.Slack;
import com.slack.api.app_backend.slash_commands.response.SlashCommandResponse;
import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.request.chat.ChatPostEphemeralRequest;
import com.slack.api.methods.request.chat.ChatPostMessageRequest;
import com.slack.api.methods.request.chat.ChatUpdateRequest;
import com.slack.api.methods.response.chat.ChatPostEphemeralResponse;
import com.slack.api.methods.response.chat.ChatPostMessageResponse;
import com.slack.api.methods.response.chat.ChatUpdateResponse;
import com.slack.api.bolt.util.Responder;
import com.slack.api.webhook.WebhookResponse;
import dev.dispatcher.ops.DispatcherMetrics;
import java.io.IOException;
import java.time.Duration;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Posts the bot's messages through the Web API and survives Slack's bad moments: a {@code 429} is retried after its
 * {@code Retry-After}, a server error or network failure after a growing pause, at most {@value #MAX_TRIES} tries within
 * 30 seconds; what still fails is logged with the decision id and returned to the caller, never swallowed. Call it from
 * a worker thread, never from a handler that must acknowledge Slack. Every attempt is counted by method and outcome
 * ({@code dispatcher_platform_calls_total}), every pause for a 429 is timed ({@code dispatcher_rate_limit_waits}), and a
 * post that finally fails counts as an error. Thread-safe.
 */
final class SlackPoster {

    private static final Logger LOG = LoggerFactory.getLogger(SlackPoster.class);

    static final int MAX_TRIES = 3;
    /** The method label of answers through a slash command's {@code response_url}. */
    static final String RESPONSE_URL = "response_url";
    private static final Duration BUDGET = Duration.ofSeconds(30);
    private static final Duration FIRST_BACKOFF = Duration.ofMillis(500);
    /** Web API errors that say "try again later" rather than "this will never work". */
    private static final Set<String> TRANSIENT = Set.of("ratelimited", "internal_error", "fatal_error",
            "service_unavailable", "request_timeout");

    private final MethodsClient client;
    private final Slack slack;
    private final DispatcherMetrics metrics;

    SlackPoster(Slack slack, MethodsClient client, DispatcherMetrics metrics) {
        this.slack = slack;
        this.client = client;
        this.metrics = metrics;
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
        return withRetries("chat.postMessage", channel, decisionId, () -> {
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
        return withRetries("chat.update", channel, decisionId, () -> {
            ChatUpdateResponse response = client.chatUpdate(request);
            return response.isOk() ? Posted.ok(response.getTs()) : Posted.failed(response.getError());
        });
    }

    /** Posts a message only {@code user} sees. */
    Posted postEphemeral(String channel, String user, String threadTs, String text, String decisionId) {
        ChatPostEphemeralRequest request = ChatPostEphemeralRequest.builder()
                .channel(channel).user(user).threadTs(threadTs).text(text).build();
        return withRetries("chat.postEphemeral", channel, decisionId, () -> {
            ChatPostEphemeralResponse response = client.chatPostEphemeral(request);
            return response.isOk() ? Posted.ok(response.getMessageTs()) : Posted.failed(response.getError());
        });
    }

    /** Answers a slash command privately through its {@code response_url}, which works even where the bot is no member. */
    void respondPrivately(String responseUrl, String text, String decisionId) {
        if (responseUrl == null || responseUrl.isBlank()) {
            LOG.warn("decision {}: no response_url to answer privately", decisionId);
            return;
        }
        try {
            WebhookResponse response = new Responder(slack, responseUrl)
                    .send(SlashCommandResponse.builder().responseType("ephemeral").text(text).build());
            boolean ok = response.getCode() != null && response.getCode() == 200;
            metrics.platformCall(SlackOutput.PLATFORM, RESPONSE_URL, ok ? "ok" : "http_" + response.getCode());
            if (!ok) {
                metrics.error(SlackOutput.PLATFORM, "private_answer_failed");
                LOG.error("decision {}: response_url answered {} {}", decisionId, response.getCode(), response.getMessage());
            }
        } catch (IOException e) {
            metrics.platformCall(SlackOutput.PLATFORM, RESPONSE_URL, "network_error");
            metrics.error(SlackOutput.PLATFORM, "private_answer_failed");
            LOG.error("decision {}: could not answer through response_url: {}", decisionId, e.getMessage(), e);
        }
    }

    @FunctionalInterface
    private interface Call {
        Posted run() throws IOException, SlackApiException;
    }

    private Posted withRetries(String method, String channel, String decisionId, Call call) {
        long deadline = System.nanoTime() + BUDGET.toNanos();
        Duration backoff = FIRST_BACKOFF;
        Posted last = Posted.failed("not_attempted");
        for (int attempt = 1; attempt <= MAX_TRIES; attempt++) {
            Duration wait;
            try {
                last = call.run();
                metrics.platformCall(SlackOutput.PLATFORM, method, last.ok() ? "ok" : last.error());
                if (last.ok() || !TRANSIENT.contains(last.error())) {
                    if (!last.ok()) {
                        failed(last);
                        LOG.error("decision {}: {} to {} failed: {}", decisionId, method, channel, last.error());
                    }
                    return last;
                }
                wait = backoff;
            } catch (SlackApiException e) {
                int status = e.getResponse().code();
                last = Posted.failed(status == 429 ? "ratelimited" : "http_" + status);
                metrics.platformCall(SlackOutput.PLATFORM, method, last.error());
                if (status == 429) {
                    wait = retryAfter(e);
                } else if (status >= 500) {
                    wait = backoff;
                } else {
                    failed(last);
                    LOG.error("decision {}: {} to {} failed with HTTP {}", decisionId, method, channel, status);
                    return last;
                }
            } catch (IOException e) {
                last = Posted.failed("network_error");
                metrics.platformCall(SlackOutput.PLATFORM, method, last.error());
                wait = backoff;
                LOG.warn("decision {}: {} to {} failed: {}", decisionId, method, channel, e.getMessage());
            }
            backoff = backoff.multipliedBy(2);
            if (attempt == MAX_TRIES || System.nanoTime() + wait.toNanos() > deadline) {
                break;
            }
            LOG.warn("decision {}: {} to {} answered {}; try {} of {} in {} ms", decisionId, method, channel, last.error(),
                    attempt + 1, MAX_TRIES, wait.toMillis());
            if ("ratelimited".equals(last.error())) {
                metrics.rateLimitWait(SlackOutput.PLATFORM, wait);
            }
            if (!pause(wait)) {
                break;
            }
        }
        failed(last);
        LOG.error("decision {}: {} to {} gave up after retries: {}", decisionId, method, channel, last.error());
        return last;
    }

    private void failed(Posted last) {
        metrics.error(SlackOutput.PLATFORM, last.notInChannel() ? "not_in_channel" : "post_failed");
    }

    private static Duration retryAfter(SlackApiException e) {
        String header = e.getResponse().header("Retry-After");
        try {
            return Duration.ofSeconds(Math.max(0, Long.parseLong(header == null ? "1" : header.trim())));
        } catch (NumberFormatException notSeconds) {
            return Duration.ofSeconds(1);
        }
    }

    private static boolean pause(Duration wait) {
        try {
            Thread.sleep(wait.toMillis());
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}

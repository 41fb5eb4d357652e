package dev.dispatcher.slack;

import com.slack.api.Slack;
import com.slack.api.app_backend.slash_commands.response.SlashCommandResponse;
import com.slack.api.bolt.util.Responder;
import com.slack.api.webhook.WebhookResponse;
import dev.dispatcher.ops.DispatcherMetrics;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers privately through an event's {@code response_url} (a slash command's, a shortcut's), which works even where
 * the bot is no member. Each answer is counted ({@code dispatcher_platform_calls_total{method="response_url"}}); a
 * failure is logged and counted, never thrown. Thread-safe.
 */
final class ResponseUrlAnswers {

    /** The method label of answers through a {@code response_url}. */
    static final String RESPONSE_URL = "response_url";

    private static final Logger LOG = LoggerFactory.getLogger(ResponseUrlAnswers.class);

    private final Slack slack;
    private final DispatcherMetrics metrics;

    ResponseUrlAnswers(Slack slack, DispatcherMetrics metrics) {
        this.slack = slack;
        this.metrics = metrics;
    }

    /** Answers a slash command privately through its {@code response_url}, which works even where the bot is no member. */
    void send(String responseUrl, String text, String decisionId) {
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

}

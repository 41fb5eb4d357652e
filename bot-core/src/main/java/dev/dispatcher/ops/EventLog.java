package dev.dispatcher.ops;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One log line per handled platform event, with the fields operators search by: platform, channel, event id,
 * decision id, specialist and latency. Key-value pairs, so {@code DISPATCHER_LOG_FORMAT=json} yields proper fields.
 */
public final class EventLog {

    private static final Logger LOG = LoggerFactory.getLogger("dispatcher.events");

    private EventLog() {}

    /**
     * @param kind       what happened, e.g. {@code slash_command}, {@code mention}, {@code flag}, {@code correction}
     * @param decisionId the decision involved, or {@code null}
     * @param specialist the specialist routed or corrected to, or {@code null}
     */
    public static void handled(String platform, String kind, String channel, String eventId, String decisionId,
                               String specialist, Duration latency) {
        LOG.atInfo()
                .addKeyValue("platform", platform)
                .addKeyValue("event", kind)
                .addKeyValue("channel", channel)
                .addKeyValue("eventId", eventId)
                .addKeyValue("decisionId", decisionId)
                .addKeyValue("specialist", specialist)
                .addKeyValue("latencyMs", latency.toMillis())
                .log("handled {} on {}", kind, platform);
    }
}

package dev.dispatcher.slack;

import com.slack.api.bolt.request.Request;
import com.slack.api.bolt.request.RequestType;
import com.slack.api.bolt.response.Response;
import java.util.function.BooleanSupplier;

/**
 * Turns events and button clicks away with a 503 while every worker is busy and the queue is full, so that nothing is
 * acknowledged that the bot would drop: over HTTP, Slack's Events API delivers the event again later (with
 * {@code X-Slack-Retry-Num}); in Socket Mode, Bolt leaves a non-200 envelope unacknowledged and Slack redelivers it; a
 * click shows the user an error and can be repeated. Slash commands pass: their handler answers the user privately.
 *
 * <p>It is asked before Bolt dispatches, because Bolt turns a handler's own non-200 answer into "no handler" (a 404,
 * which Slack retries too, but logged misleadingly); the handlers keep that path for the rare race between this check
 * and the queue. Thread-safe.
 */
final class BusyGate {

    private final BooleanSupplier full;

    /** @param full whether every worker is busy and the queue is full */
    BusyGate(BooleanSupplier full) {
        this.full = full;
    }

    /** Whether the request may go on to Bolt's handlers. */
    boolean admits(Request<?> request) {
        boolean retriable = request.getRequestType() == RequestType.Event || request.getRequestType() == RequestType.BlockAction;
        return !(retriable && full.getAsBoolean());
    }

    /** The answer that makes Slack deliver the request again later. */
    static Response retryLater() {
        return Response.builder().statusCode(503).contentType("text/plain; charset=utf-8").body("busy, retry later").build();
    }
}

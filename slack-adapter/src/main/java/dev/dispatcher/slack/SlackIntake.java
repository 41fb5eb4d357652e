package dev.dispatcher.slack;

import com.slack.api.bolt.context.Context;
import com.slack.api.bolt.response.Response;
import dev.dispatcher.conversation.Actor;
import dev.dispatcher.conversation.EventKind;
import dev.dispatcher.conversation.InboundEvent;
import dev.dispatcher.conversation.Pipeline;
import dev.dispatcher.dispatch.ConversationRef;
import java.time.Clock;

/**
 * Where every Slack handler hands its translated event to the core's {@link Pipeline}, and turns the pipeline's intake
 * into Slack's acknowledgement: accepted or a repeat, a plain 200; busy, a 503 that makes Slack deliver it again
 * later. Slack events carry no user groups, so the actor has none; {@link SlackUserGroups} asks Slack for them when who
 * may teach depends on it. Thread-safe.
 */
final class SlackIntake {

    private final Pipeline pipeline;
    private final Clock clock;

    SlackIntake(Pipeline pipeline, Clock clock) {
        this.pipeline = pipeline;
        this.clock = clock;
    }

    /** An event as the core sees it, received now. */
    InboundEvent event(EventKind kind, String id, ConversationRef where, String user, String text, String callback,
                       String decisionId, boolean aboutBotMessage) {
        return new InboundEvent(kind, id, where, Actor.user(user), text, callback, decisionId, aboutBotMessage, clock.instant());
    }

    /** Hands {@code event} to the pipeline; Slack's acknowledgement is this handler's answer, so nothing else is sent. */
    Pipeline.Intake accept(InboundEvent event) {
        return pipeline.accept(event, () -> { });
    }

    /** Hands {@code event} to the pipeline and acknowledges it, or asks Slack to retry when the bot is busy. */
    Response acknowledge(InboundEvent event, Context ctx) {
        return accept(event) == Pipeline.Intake.BUSY ? BusyGate.retryLater() : ctx.ack();
    }

    static ConversationRef in(String channel, String thread, String message) {
        return new ConversationRef(SlackOutput.PLATFORM, channel, thread, message);
    }
}

package dev.dispatcher.slack;

import com.slack.api.app_backend.events.payload.EventsApiPayload;
import com.slack.api.bolt.context.builtin.EventContext;
import com.slack.api.bolt.response.Response;
import com.slack.api.model.event.ReactionAddedEvent;
import com.slack.api.model.event.ReactionRemovedEvent;
import dev.dispatcher.conversation.EventKind;

/**
 * The misroute emoji on a message: {@code reaction_added} becomes a flag, {@code reaction_removed} its withdrawal. Other
 * emoji, reactions on files and the bot's own reactions are dropped here; whether the message is one of the bot's
 * answers is the core's to know.
 */
final class ReactionHandler {

    private final SlackIntake intake;
    private final String misrouteEmoji;

    ReactionHandler(SlackIntake intake, String misrouteEmoji) {
        this.intake = intake;
        this.misrouteEmoji = misrouteEmoji;
    }

    /** Handles {@code reaction_added}. */
    Response added(EventsApiPayload<ReactionAddedEvent> payload, EventContext ctx) {
        ReactionAddedEvent event = payload.getEvent();
        ReactionAddedEvent.Item item = event.getItem();
        if (item == null || !counts(event.getReaction(), event.getUser(), ctx.getBotUserId(), item.getType())) {
            return ctx.ack();
        }
        return intake.acknowledge(intake.event(EventKind.MISROUTE_FLAG, payload.getEventId(),
                SlackIntake.in(item.getChannel(), null, item.getTs()), event.getUser(), null, null, null, false), ctx);
    }

    /** Handles {@code reaction_removed}. */
    Response removed(EventsApiPayload<ReactionRemovedEvent> payload, EventContext ctx) {
        ReactionRemovedEvent event = payload.getEvent();
        ReactionRemovedEvent.Item item = event.getItem();
        if (item == null || !counts(event.getReaction(), event.getUser(), ctx.getBotUserId(), item.getType())) {
            return ctx.ack();
        }
        return intake.acknowledge(intake.event(EventKind.MISROUTE_UNFLAG, payload.getEventId(),
                SlackIntake.in(item.getChannel(), null, item.getTs()), event.getUser(), null, null, null, false), ctx);
    }

    /** Whether a reaction is the misroute emoji, on a message, by someone other than the bot. */
    private boolean counts(String reaction, String user, String botUserId, String itemType) {
        String name = reaction == null ? "" : reaction.split("::", 2)[0];   // "x::skin-tone-2" is still "x"
        return name.equals(misrouteEmoji) && user != null && !user.equals(botUserId)
                && (itemType == null || itemType.equals("message"));
    }
}

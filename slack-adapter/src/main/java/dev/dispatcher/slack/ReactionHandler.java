package dev.dispatcher.slack;

import com.slack.api.app_backend.events.payload.EventsApiPayload;
import com.slack.api.bolt.context.builtin.EventContext;
import com.slack.api.bolt.response.Response;
import com.slack.api.model.event.ReactionAddedEvent;
import com.slack.api.model.event.ReactionRemovedEvent;
import dev.dispatcher.conversation.EventKind;

/**
 * The misroute emoji on a message: {@code reaction_added} becomes a flag, {@code reaction_removed} its withdrawal; 👍
 * ({@code +1}) and 👎 ({@code -1}) become a vote on whether an answer helped, and its withdrawal. Other emoji, reactions
 * on files and the bot's own reactions are dropped here; whether the message is one of the bot's answers is the
 * core's to know.
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
        if (item == null || !fromSomeone(event.getUser(), ctx.getBotUserId(), item.getType())) {
            return ctx.ack();
        }
        String vote = vote(event.getReaction());
        if (vote != null) {
            return intake.acknowledge(intake.event(EventKind.ANSWER_VOTE, payload.getEventId(),
                    SlackIntake.in(item.getChannel(), null, item.getTs()), event.getUser(), vote, null, null, false), ctx);
        }
        if (!isMisroute(event.getReaction())) {
            return ctx.ack();
        }
        return intake.acknowledge(intake.event(EventKind.MISROUTE_FLAG, payload.getEventId(),
                SlackIntake.in(item.getChannel(), null, item.getTs()), event.getUser(), null, null, null, false), ctx);
    }

    /** Handles {@code reaction_removed}. */
    Response removed(EventsApiPayload<ReactionRemovedEvent> payload, EventContext ctx) {
        ReactionRemovedEvent event = payload.getEvent();
        ReactionRemovedEvent.Item item = event.getItem();
        if (item == null || !fromSomeone(event.getUser(), ctx.getBotUserId(), item.getType())) {
            return ctx.ack();
        }
        String vote = vote(event.getReaction());
        if (vote != null) {
            return intake.acknowledge(intake.event(EventKind.ANSWER_UNVOTE, payload.getEventId(),
                    SlackIntake.in(item.getChannel(), null, item.getTs()), event.getUser(), vote, null, null, false), ctx);
        }
        if (!isMisroute(event.getReaction())) {
            return ctx.ack();
        }
        return intake.acknowledge(intake.event(EventKind.MISROUTE_UNFLAG, payload.getEventId(),
                SlackIntake.in(item.getChannel(), null, item.getTs()), event.getUser(), null, null, null, false), ctx);
    }

    /** Whether a reaction is on a message, by someone other than the bot. */
    private static boolean fromSomeone(String user, String botUserId, String itemType) {
        return user != null && !user.equals(botUserId) && (itemType == null || itemType.equals("message"));
    }

    private boolean isMisroute(String reaction) {
        return name(reaction).equals(misrouteEmoji);
    }

    /** {@code helpful} for 👍, {@code unhelpful} for 👎, else {@code null}. */
    private static String vote(String reaction) {
        return switch (name(reaction)) {
            case "+1", "thumbsup" -> EventKind.HELPFUL;
            case "-1", "thumbsdown" -> EventKind.UNHELPFUL;
            default -> null;
        };
    }

    private static String name(String reaction) {
        return reaction == null ? "" : reaction.split("::", 2)[0];   // "x::skin-tone-2" is still "x"
    }
}

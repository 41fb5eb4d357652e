package dev.dispatcher.slack;

import com.slack.api.app_backend.events.payload.EventsApiPayload;
import com.slack.api.bolt.context.builtin.EventContext;
import com.slack.api.bolt.response.Response;
import com.slack.api.model.event.ReactionAddedEvent;
import com.slack.api.model.event.ReactionRemovedEvent;
import dev.dispatcher.dispatch.ConversationRef;
import dev.dispatcher.feedback.Feedback;
import dev.dispatcher.store.StoredDecision;
import java.util.Optional;

/**
 * The misroute emoji on one of the bot's routing answers: {@code reaction_added} flags the decision and asks in the
 * thread who should have had it; {@code reaction_removed} withdraws the flag. Other emoji, other messages and the
 * bot's own reactions are ignored. A reaction on a {@code /route} announcement counts as well: the core knows every
 * message that shows a decision, and the thread its answer is in.
 */
final class ReactionHandler {

    private final Feedback feedback;
    private final String misrouteEmoji;
    private final SlackPoster poster;
    private final FirstDelivery deliveries;
    private final BackgroundWork work;

    ReactionHandler(Feedback feedback, String misrouteEmoji, SlackPoster poster,
                    FirstDelivery deliveries, BackgroundWork work) {
        this.feedback = feedback;
        this.misrouteEmoji = misrouteEmoji;
        this.poster = poster;
        this.deliveries = deliveries;
        this.work = work;
    }

    /** Handles {@code reaction_added}. */
    Response added(EventsApiPayload<ReactionAddedEvent> payload, EventContext ctx) {
        ReactionAddedEvent event = payload.getEvent();
        ReactionAddedEvent.Item item = event.getItem();
        if (!counts(event.getReaction(), event.getUser(), ctx.getBotUserId(), item == null ? null : item.getType())) {
            return ctx.ack();
        }
        HandledEvent handled = HandledEvent.arrived("flag", item.getChannel(), payload.getEventId());
        boolean accepted = work.submit(handled.describe(), () -> {
            if (deliveries.claim(payload.getEventId())) {
                flag(item.getChannel(), item.getTs(), event.getUser(), handled);
            }
        });
        return accepted ? ctx.ack() : BusyGate.retryLater();
    }

    /** Handles {@code reaction_removed}. */
    Response removed(EventsApiPayload<ReactionRemovedEvent> payload, EventContext ctx) {
        ReactionRemovedEvent event = payload.getEvent();
        ReactionRemovedEvent.Item item = event.getItem();
        if (!counts(event.getReaction(), event.getUser(), ctx.getBotUserId(), item == null ? null : item.getType())) {
            return ctx.ack();
        }
        HandledEvent handled = HandledEvent.arrived("unflag", item.getChannel(), payload.getEventId());
        boolean accepted = work.submit(handled.describe(), () -> {
            if (deliveries.claim(payload.getEventId())) {
                Optional<StoredDecision> decision =
                        feedback.unflag(new ConversationRef("slack", item.getChannel(), null, item.getTs()), event.getUser());
                handled.handled(decision.map(StoredDecision::id).orElse(null), decision.map(StoredDecision::specialist).orElse(null));
            }
        });
        return accepted ? ctx.ack() : BusyGate.retryLater();
    }

    private void flag(String channel, String messageTs, String user, HandledEvent handled) {
        Optional<Feedback.Flag> flag = feedback.flag(new ConversationRef("slack", channel, null, messageTs), user);
        if (flag.isEmpty()) {
            handled.handled();   // not one of the bot's answers
            return;
        }
        StoredDecision decision = flag.get().decision();
        try {
            if (flag.get().firstByUser()) {
                String thread = decision.replyThread();
                poster.post(channel, thread != null ? thread : messageTs, MisrouteMessages.question(flag.get(), user), decision.id());
            }
        } finally {
            handled.handled(decision.id(), decision.specialist());
        }
    }

    /** Whether a reaction is the misroute emoji, on a message, by someone other than the bot. */
    private boolean counts(String reaction, String user, String botUserId, String itemType) {
        String name = reaction == null ? "" : reaction.split("::", 2)[0];   // "x::skin-tone-2" is still "x"
        return name.equals(misrouteEmoji) && user != null && !user.equals(botUserId)
                && (itemType == null || itemType.equals("message"));
    }
}

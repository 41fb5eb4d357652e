package dev.dispatcher.discord;

import dev.dispatcher.conversation.EventKind;
import net.dv8tion.jda.api.events.message.react.GenericMessageReactionEvent;
import net.dv8tion.jda.api.events.message.react.MessageReactionAddEvent;
import net.dv8tion.jda.api.events.message.react.MessageReactionRemoveEvent;
import net.dv8tion.jda.api.hooks.ListenerAdapter;

/**
 * The misroute emoji, from a person, in a server: added, a flag for the pipeline; taken back, its withdrawal. 👍 and 👎
 * on the bot's messages are votes on whether an answer helped, withdrawn likewise. Other emoji, the bot's own
 * reactions and reactions on other people's messages are dropped here. A reaction has no id of its
 * own: a delivery is known by the message, the user, and the gateway's sequence number, which a replay repeats.
 */
final class ReactionListener extends ListenerAdapter {

    private static final String VARIATION_SELECTOR = "\uFE0F";
    private static final String THUMBS_UP = "👍";
    private static final String THUMBS_DOWN = "👎";

    private final DiscordIntake intake;
    private final String misrouteEmoji;

    ReactionListener(DiscordIntake intake, String misrouteEmoji) {
        this.intake = intake;
        this.misrouteEmoji = misrouteEmoji.replace(VARIATION_SELECTOR, "");
    }

    @Override
    public void onMessageReactionAdd(MessageReactionAddEvent event) {
        long author = event.getMessageAuthorIdLong();
        boolean onOurs = author == 0 || author == event.getJDA().getSelfUser().getIdLong();
        if (!fromPerson(event) || !onOurs) {
            return;
        }
        String vote = vote(event);
        if (vote != null) {
            take(EventKind.ANSWER_VOTE, vote, event);
        } else if (isMisroute(event)) {
            take(EventKind.MISROUTE_FLAG, null, event);
        }
    }

    @Override
    public void onMessageReactionRemove(MessageReactionRemoveEvent event) {
        if (!fromPerson(event)) {
            return;
        }
        String vote = vote(event);
        if (vote != null) {
            take(EventKind.ANSWER_UNVOTE, vote, event);
        } else if (isMisroute(event)) {
            take(EventKind.MISROUTE_UNFLAG, null, event);
        }
    }

    private void take(EventKind kind, String text, GenericMessageReactionEvent event) {
        String id = "reaction:" + event.getMessageId() + ":" + event.getUserId() + ":" + kind.logName()
                + (text == null ? "" : ":" + text) + ":" + event.getResponseNumber();
        intake.take("reaction on message " + event.getMessageId(),
                () -> intake.event(kind, id, DiscordIntake.where(event.getChannel(), event.getMessageId()),
                        event.getUserId(), event.getMember(), text, null, null, false),
                () -> { }, () -> { });
    }

    /** From a person, in a server. */
    private static boolean fromPerson(GenericMessageReactionEvent event) {
        if (!event.isFromGuild() || event.getUserIdLong() == event.getJDA().getSelfUser().getIdLong()) {
            return false;
        }
        return event.getUser() == null || !event.getUser().isBot();
    }

    private boolean isMisroute(GenericMessageReactionEvent event) {
        return misrouteEmoji.equals(name(event));
    }

    /** {@code helpful} for 👍, {@code unhelpful} for 👎 (any skin tone), else {@code null}. */
    private static String vote(GenericMessageReactionEvent event) {
        String name = name(event);
        if (name.startsWith(THUMBS_UP)) {
            return EventKind.HELPFUL;
        }
        return name.startsWith(THUMBS_DOWN) ? EventKind.UNHELPFUL : null;
    }

    private static String name(GenericMessageReactionEvent event) {
        String name = event.getEmoji().getName();
        return name == null ? "" : name.replace(VARIATION_SELECTOR, "");
    }
}

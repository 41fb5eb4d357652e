package dev.dispatcher.discord;

import dev.dispatcher.conversation.EventKind;
import net.dv8tion.jda.api.events.message.react.GenericMessageReactionEvent;
import net.dv8tion.jda.api.events.message.react.MessageReactionAddEvent;
import net.dv8tion.jda.api.events.message.react.MessageReactionRemoveEvent;
import net.dv8tion.jda.api.hooks.ListenerAdapter;

/**
 * The misroute emoji, from a person, in a server: added, a flag for the pipeline; taken back, its withdrawal. Other
 * emoji, the bot's own reactions and reactions on other people's messages are dropped here. A reaction has no id of its
 * own: a delivery is known by the message, the user, and the gateway's sequence number, which a replay repeats.
 */
final class ReactionListener extends ListenerAdapter {

    private static final String VARIATION_SELECTOR = "\uFE0F";

    private final DiscordIntake intake;
    private final String misrouteEmoji;

    ReactionListener(DiscordIntake intake, String misrouteEmoji) {
        this.intake = intake;
        this.misrouteEmoji = misrouteEmoji.replace(VARIATION_SELECTOR, "");
    }

    @Override
    public void onMessageReactionAdd(MessageReactionAddEvent event) {
        long author = event.getMessageAuthorIdLong();
        if (counts(event) && (author == 0 || author == event.getJDA().getSelfUser().getIdLong())) {
            take(EventKind.MISROUTE_FLAG, event);
        }
    }

    @Override
    public void onMessageReactionRemove(MessageReactionRemoveEvent event) {
        if (counts(event)) {
            take(EventKind.MISROUTE_UNFLAG, event);
        }
    }

    private void take(EventKind kind, GenericMessageReactionEvent event) {
        String id = "reaction:" + event.getMessageId() + ":" + event.getUserId() + ":" + kind.logName() + ":" + event.getResponseNumber();
        intake.take("reaction on message " + event.getMessageId(),
                () -> intake.event(kind, id, DiscordIntake.where(event.getChannel(), event.getMessageId()),
                        event.getUserId(), event.getMember(), null, null, null, false),
                () -> { }, () -> { });
    }

    /** The misroute emoji, from a person, in a server. */
    private boolean counts(GenericMessageReactionEvent event) {
        if (!event.isFromGuild() || event.getUserIdLong() == event.getJDA().getSelfUser().getIdLong()) {
            return false;
        }
        if (event.getUser() != null && event.getUser().isBot()) {
            return false;
        }
        String name = event.getEmoji().getName();
        return name != null && misrouteEmoji.equals(name.replace(VARIATION_SELECTOR, ""));
    }
}

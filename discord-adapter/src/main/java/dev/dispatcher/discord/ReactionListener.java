package dev.dispatcher.discord;

import dev.dispatcher.dispatch.ConversationRef;
import dev.dispatcher.feedback.Feedback;
import java.util.Optional;
import net.dv8tion.jda.api.entities.channel.concrete.ThreadChannel;
import net.dv8tion.jda.api.events.message.react.GenericMessageReactionEvent;
import net.dv8tion.jda.api.events.message.react.MessageReactionAddEvent;
import net.dv8tion.jda.api.events.message.react.MessageReactionRemoveEvent;
import net.dv8tion.jda.api.hooks.ListenerAdapter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The misroute emoji on one of the bot's analyses flags the decision and posts a menu asking who should have had the
 * task; taking the reaction back withdraws the flag. Other emoji, other messages and the bot's own reactions are
 * ignored.
 */
final class ReactionListener extends ListenerAdapter {

    private static final Logger LOG = LoggerFactory.getLogger(ReactionListener.class);
    private static final String VARIATION_SELECTOR = "\uFE0F";

    private final Feedback feedback;
    private final String misrouteEmoji;

    ReactionListener(Feedback feedback, String misrouteEmoji) {
        this.feedback = feedback;
        this.misrouteEmoji = misrouteEmoji.replace(VARIATION_SELECTOR, "");
    }

    @Override
    public void onMessageReactionAdd(MessageReactionAddEvent event) {
        try {
            long author = event.getMessageAuthorIdLong();
            if (!counts(event) || author != 0 && author != event.getJDA().getSelfUser().getIdLong()) {
                return;
            }
            Optional<Feedback.Flag> flag = feedback.flag(replyRef(event), event.getUserId());
            if (flag.isEmpty()) {
                return;
            }
            String decision = flag.get().decision().id();
            LOG.info("discord: decision {} flagged as a misroute by {} ({} flags)", decision, event.getUserId(), flag.get().flagCount());
            if (flag.get().firstByUser()) {
                event.getChannel().sendMessage(CorrectionMenu.ask(flag.get(), event.getUserId()))
                        .setAllowedMentions(DiscordReplies.NO_MENTIONS)
                        .queue(menu -> { }, DiscordFailures.logging("post the correction menu", decision));
            }
        } catch (RuntimeException e) {
            LOG.error("discord: reaction on message {} failed: {}", event.getMessageId(), e.toString(), e);
        }
    }

    @Override
    public void onMessageReactionRemove(MessageReactionRemoveEvent event) {
        try {
            if (counts(event)) {
                feedback.unflag(replyRef(event), event.getUserId()).ifPresent(decision ->
                        LOG.info("discord: decision {} unflagged by {}", decision.id(), event.getUserId()));
            }
        } catch (RuntimeException e) {
            LOG.error("discord: reaction removal on message {} failed: {}", event.getMessageId(), e.toString(), e);
        }
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

    private static ConversationRef replyRef(GenericMessageReactionEvent event) {
        String channel = event.getChannel().getId();
        return new ConversationRef("discord", channel, event.getChannel() instanceof ThreadChannel ? channel : null,
                event.getMessageId());
    }
}

package dev.dispatcher.discord;

import dev.dispatcher.dispatch.ConversationRef;
import dev.dispatcher.feedback.Feedback;
import dev.dispatcher.ops.EventLog;
import dev.dispatcher.store.StoredDecision;
import java.time.Duration;
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
    private final DiscordCalls calls;

    ReactionListener(Feedback feedback, String misrouteEmoji, DiscordCalls calls) {
        this.feedback = feedback;
        this.misrouteEmoji = misrouteEmoji.replace(VARIATION_SELECTOR, "");
        this.calls = calls;
    }

    @Override
    public void onMessageReactionAdd(MessageReactionAddEvent event) {
        long started = System.nanoTime();
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
                calls.queue("sendMessage", event.getChannel().sendMessage(CorrectionMenu.ask(flag.get(), event.getUserId()))
                                .setAllowedMentions(DiscordReplies.NO_MENTIONS),
                        menu -> { }, DiscordFailures.logging("post the correction menu", decision));
            }
            handled("flag", event, flag.get().decision(), started);
        } catch (RuntimeException e) {
            calls.listenerFailed(e);
            LOG.error("discord: reaction on message {} failed: {}", event.getMessageId(), e.toString(), e);
        }
    }

    @Override
    public void onMessageReactionRemove(MessageReactionRemoveEvent event) {
        long started = System.nanoTime();
        try {
            if (counts(event)) {
                feedback.unflag(replyRef(event), event.getUserId()).ifPresent(decision -> {
                    LOG.info("discord: decision {} unflagged by {}", decision.id(), event.getUserId());
                    handled("unflag", event, decision, started);
                });
            }
        } catch (RuntimeException e) {
            calls.listenerFailed(e);
            LOG.error("discord: reaction removal on message {} failed: {}", event.getMessageId(), e.toString(), e);
        }
    }

    /** A reaction has no id of its own: the event is known by the message reacted to. */
    private static void handled(String kind, GenericMessageReactionEvent event, StoredDecision decision, long started) {
        EventLog.handled(DiscordCalls.PLATFORM, kind, event.getChannel().getId(), event.getMessageId(), decision.id(),
                decision.specialist(), Duration.ofNanos(System.nanoTime() - started));
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

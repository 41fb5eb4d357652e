package dev.dispatcher.discord;

import dev.dispatcher.conversation.Content;
import dev.dispatcher.conversation.InboundEvent;
import dev.dispatcher.conversation.PlatformOutput;
import dev.dispatcher.conversation.Posted;
import dev.dispatcher.dispatch.ConversationRef;
import java.time.Duration;
import java.util.List;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.entities.channel.middleman.MessageChannel;
import net.dv8tion.jda.api.interactions.InteractionHook;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How the core speaks on Discord: a {@code /route} answer replaces the interaction's public "thinking…" with the
 * analysis embed (or, once the interaction expired, goes to the channel), answers go into threads
 * ({@link ThreadedAnswers}), the misroute menu is a select menu, and private words go through the interaction's
 * webhook as ephemeral messages. Every message is sent with mentions switched off. Runs on the pipeline's workers and
 * waits for Discord's answers. Thread-safe.
 */
final class DiscordOutput implements PlatformOutput {

    /** An interaction token lives 15 minutes; a minute less leaves time for the answer itself. */
    private static final Duration TOKEN_LIFETIME = Duration.ofMinutes(14);

    private static final Logger LOG = LoggerFactory.getLogger(DiscordOutput.class);

    private final DiscordChannels channels;
    private final DiscordContent rendered;
    private final ThreadedAnswers answers;
    private final DiscordCalls calls;

    DiscordOutput(DiscordChannels channels, DiscordReplies replies, DiscordCalls calls) {
        this.channels = channels;
        this.rendered = new DiscordContent(replies);
        this.calls = calls;
        this.answers = new ThreadedAnswers(channels, replies, calls);
    }

    @Override
    public Duration callbackLifetime() {
        return TOKEN_LIFETIME;
    }

    @Override
    public Posted post(InboundEvent origin, Content content) {
        ConversationRef where = origin.conversation();
        try {
            if (origin.callback() != null) {
                try {
                    Message shown = calls.await("editOriginal", channels.hook(origin.callback()).editOriginal(rendered.edit(content))
                            .setAllowedMentions(DiscordReplies.NO_MENTIONS));
                    return Posted.ok(new ConversationRef(DiscordCalls.PLATFORM, where.channel(), where.thread(), shown.getId()));
                } catch (DiscordCalls.Refused e) {
                    if (!DiscordFailures.isExpiredInteraction(e.getCause())) {
                        throw e;
                    }
                    // The interaction is gone, the channel is not: answer there so the user still gets it.
                    LOG.warn("discord: {}: the interaction expired; answering in the channel", origin);
                }
            }
            MessageChannel channel = channels.channel(where.thread() != null ? where.thread() : where.channel());
            Message shown = calls.await("sendMessage", channel.sendMessage(rendered.one(content)));
            return Posted.ok(ThreadedAnswers.ref(channel, shown));
        } catch (DiscordCalls.Refused e) {
            return refused("post", origin.toString(), e);
        }
    }

    /** A message's text holds 2,000 characters; the rest is for an answer's title and links. */
    @Override
    public int answerLimit() {
        return 1500;
    }

    /** Discord allows about 5 edits per 5 s in a channel; an answer's edits leave room for the rest. */
    @Override
    public Duration editInterval() {
        return Duration.ofMillis(1250);
    }

    @Override
    public Posted reply(ConversationRef under, Content content) {
        try {
            if (content instanceof Content.Analysis analysis) {
                return answers.answer(under, analysis.reply(), analysis.underAnnouncement());
            }
            MessageChannel channel = channels.channel(content instanceof Content.Answer ? threadOf(under) : under.channel());
            Message first = null;
            for (MessageCreateData part : rendered.parts(content)) {
                var send = channel.sendMessage(part).setAllowedMentions(DiscordReplies.NO_MENTIONS);
                Message sent = calls.await("sendMessage", first == null && under.message() != null
                        ? send.setMessageReference(under.message()).mentionRepliedUser(false) : send);
                first = first == null ? sent : first;
            }
            return Posted.ok(ThreadedAnswers.ref(channel, first));
        } catch (DiscordCalls.Refused e) {
            return refused("reply", under.messageKey(), e);
        }
    }

    /**
     * Where an answer under {@code under} goes: the thread it is in, else the thread started on it (a thread started
     * on a message has the message's id), else its channel.
     */
    private String threadOf(ConversationRef under) {
        if (under.thread() != null) {
            return under.thread();
        }
        if (under.message() != null) {
            try {
                return channels.channel(under.message()).getId();
            } catch (DiscordCalls.Refused noThread) {
                // no thread on that message: answer beside it
            }
        }
        return under.channel();
    }

    @Override
    public Posted edit(ConversationRef message, Content content) {
        try {
            MessageChannel channel = channels.channel(message.thread() != null ? message.thread() : message.channel());
            calls.await("editMessage", channel.editMessageById(message.message(), rendered.edit(content)));
            return Posted.ok(message);
        } catch (DiscordCalls.Refused e) {
            return refused("edit", message.messageKey(), e);
        }
    }

    /** Asks in the channel of {@code under}: on Discord a thread is a channel of its own, where the reaction was. */
    @Override
    public Posted ask(ConversationRef under, Content.MisrouteQuestion question) {
        try {
            MessageChannel channel = channels.channel(under.channel());
            Message menu = calls.await("sendMessage",
                    channel.sendMessage(CorrectionMenu.ask(question.flag(), question.flaggedBy())).setAllowedMentions(DiscordReplies.NO_MENTIONS));
            return Posted.ok(ThreadedAnswers.ref(channel, menu));
        } catch (DiscordCalls.Refused e) {
            return refused("post the correction menu", under.messageKey(), e);
        }
    }

    @Override
    public void whisper(InboundEvent origin, Content content) {
        try {
            List<MessageCreateData> parts = rendered.parts(content);
            if (origin.callback() != null) {
                InteractionHook hook = channels.hook(origin.callback());
                for (MessageCreateData part : parts) {
                    calls.await("sendFollowup", hook.sendMessage(part).setEphemeral(true).setAllowedMentions(DiscordReplies.NO_MENTIONS));
                }
                return;
            }
            // No interaction to answer privately through: a reply to the message, which nobody else is pinged by.
            reply(origin.conversation(), content);
        } catch (DiscordCalls.Refused e) {
            refused("answer privately", origin.toString(), e);
        }
    }

    private static Posted refused(String action, String what, DiscordCalls.Refused e) {
        DiscordFailures.log(action + " for " + what, null, e.getCause());
        return Posted.failed(DiscordFailures.kind(e.getCause()));
    }
}

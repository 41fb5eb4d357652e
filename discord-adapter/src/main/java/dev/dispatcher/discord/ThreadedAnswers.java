package dev.dispatcher.discord;

import dev.dispatcher.conversation.Posted;
import dev.dispatcher.dispatch.ConversationRef;
import dev.dispatcher.reply.Reply;
import java.util.List;
import java.util.Optional;
import net.dv8tion.jda.api.Permission;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.entities.channel.attribute.IThreadContainer;
import net.dv8tion.jda.api.entities.channel.concrete.ThreadChannel;
import net.dv8tion.jda.api.entities.channel.middleman.GuildChannel;
import net.dv8tion.jda.api.entities.channel.middleman.MessageChannel;
import net.dv8tion.jda.api.exceptions.PermissionException;
import net.dv8tion.jda.api.requests.restaction.MessageCreateAction;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Puts a routing answer where the conversation continues: in a thread started on a message, in the thread the message
 * is in, or, where Discord refuses a thread, in the channel with a sentence saying what is missing. Under a
 * {@code /route} announcement, which already shows the analysis embed, only the specialist prompt follows. Runs on the
 * pipeline's workers and waits for each message, so they arrive in order. Thread-safe.
 */
final class ThreadedAnswers {

    private static final Logger LOG = LoggerFactory.getLogger(ThreadedAnswers.class);
    private static final int THREAD_NAME_MAX = 100;

    private final DiscordChannels channels;
    private final DiscordReplies replies;
    private final DiscordCalls calls;

    ThreadedAnswers(DiscordChannels channels, DiscordReplies replies, DiscordCalls calls) {
        this.channels = channels;
        this.replies = replies;
        this.calls = calls;
    }

    /**
     * Answers in the thread of {@code under}.
     *
     * @param announced the message {@code under} already shows the analysis, so only the prompt is posted
     * @return the message that shows the analysis: the embed, or under an announcement the announcement itself (the
     *         prompt messages do not show the decision), so a misroute reaction is asked about where it happened
     */
    Posted answer(ConversationRef under, Reply reply, boolean announced) {
        MessageChannel where = channels.channel(under.thread() != null ? under.thread() : under.channel());
        if (where instanceof ThreadChannel) {
            return shown(under, inside(where, under.message(), reply, announced), announced);
        }
        Optional<String> refusal = threadRefusal(where);
        if (refusal.isEmpty()) {
            try {
                ThreadChannel thread = calls.await("createThreadChannel",
                        ((IThreadContainer) where).createThreadChannel(threadName(reply), under.message()));
                return shown(under, inside(thread, null, reply, announced), announced);
            } catch (PermissionException e) {
                refusal = Optional.of(DiscordFailures.describe(e));
            } catch (DiscordCalls.Refused e) {
                if (!DiscordFailures.isThreadRefusal(e.getCause())) {
                    throw e;
                }
                refusal = Optional.of(DiscordFailures.describe(e.getCause()));
            }
        }
        return shown(under, inChannel(where, under.message(), reply, announced, refusal.get()), announced);
    }

    /**
     * Under an announcement, the announcement itself, with the thread the answer went into: the specialist's answer
     * follows there.
     */
    private static Posted shown(ConversationRef announcement, Posted answer, boolean announced) {
        if (!announced || !answer.ok()) {
            return answer;
        }
        return Posted.ok(new ConversationRef(announcement.platform(), announcement.channel(), answer.message().thread(),
                announcement.message()));
    }

    /** Why no thread can be started in {@code channel}, judged from the bot's cached permissions; empty when it can. */
    static Optional<String> threadRefusal(MessageChannel channel) {
        if (!(channel instanceof GuildChannel guildChannel) || !(channel instanceof IThreadContainer)) {
            return Optional.of("threads cannot be started in this kind of channel");
        }
        for (Permission needed : List.of(Permission.CREATE_PUBLIC_THREADS, Permission.MESSAGE_SEND_IN_THREADS)) {
            if (!guildChannel.getGuild().getSelfMember().hasPermission(guildChannel, needed)) {
                return Optional.of("missing permission " + needed.getName());
            }
        }
        return Optional.empty();
    }

    private Posted inside(MessageChannel thread, String replyTo, Reply reply, boolean announced) {
        Message shown = null;
        if (!announced) {
            MessageCreateAction embed = thread.sendMessageEmbeds(replies.embed(reply)).setAllowedMentions(DiscordReplies.NO_MENTIONS);
            shown = calls.await("sendMessage", replyTo == null ? embed : embed.setMessageReference(replyTo).mentionRepliedUser(false));
        }
        Message first = send(thread, replies.prompt(reply));
        return Posted.ok(ref(thread, shown != null ? shown : first));
    }

    private Posted inChannel(MessageChannel channel, String replyTo, Reply reply, boolean announced, String why) {
        LOG.info("discord: decision {}: answering in channel {} instead of a thread: {}", reply.decisionId(), channel.getId(), why);
        MessageCreateAction notice = channel.sendMessage(replies.noThreadNotice(why)).setAllowedMentions(DiscordReplies.NO_MENTIONS);
        if (!announced) {
            notice = notice.setEmbeds(replies.embed(reply));
        }
        if (replyTo != null) {
            notice = notice.setMessageReference(replyTo).mentionRepliedUser(false);
        }
        Message shown = calls.await("sendMessage", notice);
        Message first = send(channel, replies.prompt(reply));
        return Posted.ok(ref(channel, announced ? first : shown));
    }

    /** Sends the messages one after another, so they arrive in order; returns the first. */
    private Message send(MessageChannel channel, List<MessageCreateData> messages) {
        Message first = null;
        for (MessageCreateData message : messages) {
            Message sent = calls.await("sendMessage", channel.sendMessage(message).setAllowedMentions(DiscordReplies.NO_MENTIONS));
            first = first == null ? sent : first;
        }
        return first;
    }

    static ConversationRef ref(MessageChannel channel, Message message) {
        String thread = channel instanceof ThreadChannel ? channel.getId() : null;
        return new ConversationRef(DiscordCalls.PLATFORM, channel.getId(), thread, message.getId());
    }

    private static String threadName(Reply reply) {
        return UserText.oneLine(reply.specialist().displayName() + ": " + reply.task(), THREAD_NAME_MAX);
    }
}

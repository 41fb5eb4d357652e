package dev.dispatcher.discord;

import dev.dispatcher.dispatch.ConversationRef;
import dev.dispatcher.dispatch.Dispatcher;
import dev.dispatcher.reply.Reply;
import java.util.List;
import java.util.Optional;
import net.dv8tion.jda.api.Permission;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.entities.MessageEmbed;
import net.dv8tion.jda.api.entities.channel.attribute.IThreadContainer;
import net.dv8tion.jda.api.entities.channel.concrete.ThreadChannel;
import net.dv8tion.jda.api.entities.channel.middleman.GuildChannel;
import net.dv8tion.jda.api.entities.channel.middleman.MessageChannel;
import net.dv8tion.jda.api.exceptions.PermissionException;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Puts an answer where the conversation continues: in a thread started on a message, in the thread the question was
 * asked in, or, where Discord refuses a thread, in the channel with a sentence saying what is missing. It also tells the
 * core which message shows the analysis, so misroute reactions on it find the decision. Thread-safe.
 */
final class ThreadedAnswers {

    private static final Logger LOG = LoggerFactory.getLogger(ThreadedAnswers.class);
    private static final int THREAD_NAME_MAX = 100;

    private final Dispatcher dispatcher;
    private final DiscordReplies replies;
    private final DiscordCalls calls;

    ThreadedAnswers(Dispatcher dispatcher, DiscordReplies replies, DiscordCalls calls) {
        this.dispatcher = dispatcher;
        this.replies = replies;
        this.calls = calls;
    }

    /** For {@code /route}: {@code analysis} already shows the embed; the prompt goes into a thread started on it. */
    void promptBeneath(Message analysis, Reply reply) {
        attach(reply, analysis);
        MessageChannel channel = analysis.getChannel();
        if (channel instanceof ThreadChannel) {
            send(channel, replies.prompt(reply), reply.decisionId());
            return;
        }
        Optional<String> refusal = threadRefusal(channel);
        if (refusal.isPresent()) {
            promptInChannel(analysis, reply, refusal.get());
            return;
        }
        try {
            calls.queue("createThreadChannel", analysis.createThreadChannel(threadName(reply)),
                    thread -> send(thread, replies.prompt(reply), reply.decisionId()),
                    failure -> {
                        DiscordFailures.log("start a thread on the analysis", reply.decisionId(), failure);
                        if (DiscordFailures.isThreadRefusal(failure)) {
                            promptInChannel(analysis, reply, DiscordFailures.describe(failure));
                        }
                    });
        } catch (PermissionException e) {
            promptInChannel(analysis, reply, DiscordFailures.describe(e));
        }
    }

    /** For a mention: the analysis and the prompt go into a thread on {@code question}, or the thread it is in. */
    void answer(Message question, Reply reply) {
        MessageEmbed embed = replies.embed(reply);
        MessageChannel channel = question.getChannel();
        if (channel instanceof ThreadChannel) {
            calls.queue("replyEmbeds", question.replyEmbeds(embed).mentionRepliedUser(false).setAllowedMentions(DiscordReplies.NO_MENTIONS),
                    shown -> afterAnalysis(shown, channel, reply),
                    DiscordFailures.logging("answer in the thread", reply.decisionId()));
            return;
        }
        Optional<String> refusal = threadRefusal(channel);
        if (refusal.isPresent()) {
            answerInChannel(question, reply, refusal.get());
            return;
        }
        try {
            calls.queue("createThreadChannel", question.createThreadChannel(threadName(reply)),
                    thread -> calls.queue("sendMessage", thread.sendMessageEmbeds(embed).setAllowedMentions(DiscordReplies.NO_MENTIONS),
                            shown -> afterAnalysis(shown, thread, reply),
                            DiscordFailures.logging("post the analysis in the new thread", reply.decisionId())),
                    failure -> {
                        DiscordFailures.log("start a thread on the question", reply.decisionId(), failure);
                        if (DiscordFailures.isThreadRefusal(failure)) {
                            answerInChannel(question, reply, DiscordFailures.describe(failure));
                        }
                    });
        } catch (PermissionException e) {
            answerInChannel(question, reply, DiscordFailures.describe(e));
        }
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

    private void promptInChannel(Message analysis, Reply reply, String why) {
        LOG.info("discord: decision {}: answering in channel {} instead of a thread: {}", reply.decisionId(),
                analysis.getChannel().getId(), why);
        calls.queue("reply", analysis.reply(replies.noThreadNotice(why)).mentionRepliedUser(false)
                        .setAllowedMentions(DiscordReplies.NO_MENTIONS),
                notice -> send(analysis.getChannel(), replies.prompt(reply), reply.decisionId()),
                DiscordFailures.logging("answer in the channel", reply.decisionId()));
    }

    private void answerInChannel(Message question, Reply reply, String why) {
        LOG.info("discord: decision {}: answering in channel {} instead of a thread: {}", reply.decisionId(),
                question.getChannel().getId(), why);
        calls.queue("reply", question.reply(replies.noThreadNotice(why)).setEmbeds(replies.embed(reply)).mentionRepliedUser(false)
                        .setAllowedMentions(DiscordReplies.NO_MENTIONS),
                shown -> afterAnalysis(shown, question.getChannel(), reply),
                DiscordFailures.logging("answer in the channel", reply.decisionId()));
    }

    private void afterAnalysis(Message analysis, MessageChannel channel, Reply reply) {
        attach(reply, analysis);
        send(channel, replies.prompt(reply), reply.decisionId());
    }

    private void attach(Reply reply, Message analysis) {
        MessageChannel channel = analysis.getChannel();
        String thread = channel instanceof ThreadChannel ? channel.getId() : null;
        try {
            dispatcher.attach(reply.decisionId(), new ConversationRef("discord", channel.getId(), thread, analysis.getId()));
        } catch (RuntimeException e) {
            LOG.error("discord: decision {}: cannot remember message {}, so reactions on it will not find the decision: {}",
                    reply.decisionId(), analysis.getId(), e.getMessage(), e);
        }
    }

    /** Sends the messages one after another, so they arrive in order. */
    private void send(MessageChannel channel, List<MessageCreateData> messages, String decisionId) {
        if (messages.isEmpty()) {
            return;
        }
        calls.queue("sendMessage", channel.sendMessage(messages.get(0)).setAllowedMentions(DiscordReplies.NO_MENTIONS),
                sent -> send(channel, messages.subList(1, messages.size()), decisionId),
                DiscordFailures.logging("post the specialist prompt", decisionId));
    }

    private static String threadName(Reply reply) {
        return UserText.oneLine(reply.specialist().displayName() + ": " + reply.task(), THREAD_NAME_MAX);
    }
}

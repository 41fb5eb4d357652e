package dev.dispatcher.discord;

import dev.dispatcher.app.BotCore;
import dev.dispatcher.dispatch.ConversationRef;
import dev.dispatcher.dispatch.RequestKind;
import dev.dispatcher.dispatch.Task;
import dev.dispatcher.feedback.StatsRenderer;
import dev.dispatcher.ops.EventLog;
import dev.dispatcher.reply.Reply;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.entities.User;
import net.dv8tion.jda.api.entities.channel.concrete.ThreadChannel;
import net.dv8tion.jda.api.events.message.MessageReceivedEvent;
import net.dv8tion.jda.api.hooks.ListenerAdapter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers {@code @dispatcher <task>} in a server channel: the analysis and the prompt go into a thread started on the
 * message, or into the thread it was written in. Only a direct user mention of the bot counts ({@code @everyone},
 * {@code @here}, a role, or a reply that merely pings the bot do not); messages from bots are ignored.
 */
final class MentionListener extends ListenerAdapter {

    private static final Logger LOG = LoggerFactory.getLogger(MentionListener.class);
    private static final String KIND = "mention";

    private final BotCore core;
    private final DiscordReplies replies;
    private final ThreadedAnswers answers;
    private final EventClaims claims;
    private final DiscordCalls calls;
    private final DiscordWork workers;

    MentionListener(BotCore core, DiscordReplies replies, ThreadedAnswers answers, EventClaims claims, DiscordCalls calls,
                    DiscordWork workers) {
        this.core = core;
        this.replies = replies;
        this.answers = answers;
        this.claims = claims;
        this.calls = calls;
        this.workers = workers;
    }

    @Override
    public void onMessageReceived(MessageReceivedEvent event) {
        Message message = event.getMessage();
        long started = System.nanoTime();
        try {
            User self = event.getJDA().getSelfUser();
            if (isAddressedTo(message, self)) {
                // Nothing to acknowledge for a message: claiming, routing and answering all happen on a worker.
                String text = stripMention(message.getContentRaw(), self.getId());
                workers.run("message " + message.getId(), () -> {
                    if (claims.firstTime(message.getId())) {
                        Reply routed = handle(message, text);
                        EventLog.handled(DiscordCalls.PLATFORM, KIND, message.getChannel().getId(), message.getId(),
                                routed == null ? null : routed.decisionId(), routed == null ? null : routed.specialist().id(),
                                Duration.ofNanos(System.nanoTime() - started));
                    }
                });
            }
        } catch (RuntimeException e) {
            calls.listenerFailed(e);
            LOG.error("discord: message {} failed: {}", message.getId(), e.toString(), e);
        }
    }

    /** A person's message in a server that mentions the bot by name, as text, not only through a reply ping. */
    static boolean isAddressedTo(Message message, User self) {
        if (!message.isFromGuild() || message.getAuthor().isBot() || message.getAuthor().isSystem() || message.isWebhookMessage()) {
            return false;
        }
        return message.getMentions().isMentioned(self, Message.MentionType.USER)
                && mentionPattern(self.getId()).matcher(message.getContentRaw()).find();
    }

    /** The text without the bot's mention, e.g. {@code <@123> Fix JWT} becomes {@code Fix JWT}. */
    static String stripMention(String content, String selfId) {
        return mentionPattern(selfId).matcher(content).replaceAll(" ").replaceAll("[ \\t]+", " ").strip();
    }

    /** @return the routed reply, or {@code null} for help and statistics */
    private Reply handle(Message message, String text) {
        return switch (RequestKind.of(text)) {
            case HELP -> inReply(message, List.of(replies.help()));
            case STATS -> inReply(message, replies.stats(StatsRenderer.text(core.stats().standardWindows(), core.cache().stats())));
            case TASK -> {
                String thread = message.getChannel() instanceof ThreadChannel ? message.getChannel().getId() : null;
                Reply reply = core.dispatcher().dispatch(new Task(text, message.getAuthor().getId(),
                        new ConversationRef("discord", message.getChannel().getId(), thread, message.getId())));
                answers.answer(message, reply);
                yield reply;
            }
        };
    }

    private Reply inReply(Message message, List<String> parts) {
        calls.queue("reply", message.reply(parts.get(0)).mentionRepliedUser(false).setAllowedMentions(DiscordReplies.NO_MENTIONS),
                first -> parts.subList(1, parts.size()).forEach(part -> calls.queue("sendMessage",
                        message.getChannel().sendMessage(part).setAllowedMentions(DiscordReplies.NO_MENTIONS),
                        sent -> { }, DiscordFailures.logging("send statistics", null))),
                DiscordFailures.logging("answer message " + message.getId(), null));
        return null;
    }

    private static Pattern mentionPattern(String selfId) {
        return Pattern.compile("<@!?" + Pattern.quote(selfId) + ">");
    }
}

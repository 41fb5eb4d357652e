package dev.dispatcher.discord;

import dev.dispatcher.conversation.EventKind;
import java.util.regex.Pattern;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.entities.User;
import net.dv8tion.jda.api.events.message.MessageReceivedEvent;
import net.dv8tion.jda.api.hooks.ListenerAdapter;

/**
 * {@code @dispatcher <task>} in a server channel: the task without the mention goes to the pipeline, which answers in a
 * thread started on the message, or in the thread it was written in. Only a direct user mention of the bot counts
 * ({@code @everyone}, {@code @here}, a role, or a reply that merely pings the bot do not); bots are ignored.
 */
final class MentionListener extends ListenerAdapter {

    private final DiscordIntake intake;
    private final DiscordCalls calls;

    MentionListener(DiscordIntake intake, DiscordCalls calls) {
        this.intake = intake;
        this.calls = calls;
    }

    @Override
    public void onMessageReceived(MessageReceivedEvent event) {
        Message message = event.getMessage();
        User self = event.getJDA().getSelfUser();
        if (!isAddressedTo(message, self)) {
            return;
        }
        intake.take("message " + message.getId(),
                () -> intake.event(EventKind.MENTION, message.getId(), DiscordIntake.where(message.getChannel(), message.getId()),
                        message.getAuthor().getId(), event.getMember(), stripMention(message.getContentRaw(), self.getId()), null, null, false),
                () -> { },
                () -> calls.queue("reply", message.reply(DiscordIntake.BUSY).mentionRepliedUser(false)
                        .setAllowedMentions(DiscordReplies.NO_MENTIONS), sent -> { }, DiscordFailures.logging("say the bot is busy", null)));
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

    private static Pattern mentionPattern(String selfId) {
        return Pattern.compile("<@!?" + Pattern.quote(selfId) + ">");
    }
}

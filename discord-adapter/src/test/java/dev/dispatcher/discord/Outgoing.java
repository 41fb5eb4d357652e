package dev.dispatcher.discord;

import java.util.EnumSet;
import java.util.List;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.entities.MessageEmbed;
import net.dv8tion.jda.api.interactions.components.LayoutComponent;

/**
 * One request the bot made in a Mockito-built test, as the fake rest action saw it when it was queued.
 *
 * @param kind            what was asked: {@code send}, {@code reply}, {@code thread}, {@code defer}, {@code interaction-reply},
 *                        {@code edit-original} or {@code followup}
 * @param channelId       where it went (for {@code thread}: the parent channel)
 * @param replyTo         the message replied to or threaded on, or {@code null}
 * @param content         the text, or {@code null}
 * @param embeds          the embeds
 * @param components      the component rows
 * @param allowedMentions what may ping, or {@code null} when the request never said
 * @param mentionRepliedUser whether a reply pings its author, or {@code null} when never said
 * @param ephemeral       whether only the user sees it, or {@code null} when never said
 * @param succeeded       whether the fake answered with success
 * @param result          the message the request produced, when it produced one
 */
record Outgoing(
        String kind,
        String channelId,
        String replyTo,
        String content,
        List<MessageEmbed> embeds,
        List<LayoutComponent> components,
        EnumSet<Message.MentionType> allowedMentions,
        Boolean mentionRepliedUser,
        Boolean ephemeral,
        boolean succeeded,
        Object result) {

    /** Whether nothing this request carries can ping anyone (a reply pings its author unless told not to). */
    boolean pingsNobody() {
        boolean replyPings = kind.equals("reply") && !Boolean.FALSE.equals(mentionRepliedUser);
        return allowedMentions != null && allowedMentions.isEmpty() && !replyPings;
    }

    Message message() {
        return (Message) result;
    }

    String text() {
        return content == null ? "" : content;
    }
}

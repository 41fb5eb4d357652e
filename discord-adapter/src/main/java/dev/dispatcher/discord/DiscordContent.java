package dev.dispatcher.discord;

import dev.dispatcher.conversation.Content;
import java.util.List;
import net.dv8tion.jda.api.entities.MessageEmbed;
import net.dv8tion.jda.api.utils.messages.MessageCreateBuilder;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
import net.dv8tion.jda.api.utils.messages.MessageEditData;

/**
 * Renders what the core asks to show as Discord messages: the analysis as an embed, statistics as code blocks, the
 * misroute menu, and the bot's sentences with user text neutralised; every message with mentions switched off.
 * Thread-safe.
 */
final class DiscordContent {

    private final DiscordReplies replies;

    DiscordContent(DiscordReplies replies) {
        this.replies = replies;
    }

    /** One message for content that fits one: an embed for the analysis, the first part for the rest. */
    MessageCreateData one(Content content) {
        if (content instanceof Content.Announcement a) {
            return embedded(replies.embed(a.reply()));
        }
        if (content instanceof Content.Analysis a) {
            return embedded(replies.embed(a.reply()));
        }
        return parts(content).get(0);
    }

    /** The same, as an edit of a message already posted. */
    MessageEditData edit(Content content) {
        return MessageEditData.fromCreateData(one(content));
    }

    /** Every message the content needs, in order (statistics may not fit in one). */
    List<MessageCreateData> parts(Content content) {
        if (content instanceof Content.Announcement || content instanceof Content.Analysis) {
            return List.of(one(content));
        }
        if (content instanceof Content.Stats s) {
            return replies.stats(s.text()).stream().map(DiscordReplies::message).toList();
        }
        if (content instanceof Content.MisrouteQuestion q) {
            return List.of(CorrectionMenu.ask(q.flag(), q.flaggedBy()));
        }
        return List.of(DiscordReplies.message(text(content)));
    }

    private String text(Content content) {
        if (content instanceof Content.Usage) {
            return replies.help();
        }
        if (content instanceof Content.CorrectionConfirmation c) {
            return CorrectionMenu.confirmation(c.correction(), c.chosenBy());
        }
        if (content instanceof Content.Answer a) {
            return answer(a);
        }
        if (content instanceof Content.PostFailed f) {
            return "⚠️ I routed the task" + (f.decisionId() == null ? "" : " (decision `" + f.decisionId() + "`)")
                    + " but Discord refused the answer (" + UserText.inline(f.error()) + "). Please try again in a moment.";
        }
        return UserText.inline(((Content.Text) content).text());
    }

    /** One page of the specialist's answer: title, the text as Markdown with mentions broken, the links at the end. */
    static String answer(Content.Answer answer) {
        StringBuilder out = new StringBuilder("**").append(UserText.inline(answer.title())).append("**");
        if (!answer.body().isBlank()) {
            out.append('\n').append(UserText.markdown(answer.body()));
        }
        if (!answer.sources().isEmpty()) {
            out.append("\n\n📚 ");
            out.append(String.join(" · ", answer.sources().stream().map(DiscordContent::link).toList()));
        }
        if (answer.complete() && !answer.sources().isEmpty()) {
            out.append("\n-# React with 👍 or 👎 to say whether this answer helped.");
        }
        String text = out.toString();
        return text.length() <= CodeBlocks.MESSAGE_LIMIT ? text : text.substring(0, CodeBlocks.MESSAGE_LIMIT - 1) + "…";
    }

    private static String link(dev.dispatcher.knowledge.KnowledgeLink link) {
        String label = UserText.inline(link.path() + (link.hasSection() ? " § " + link.section() : ""));
        if (link.url().startsWith("http://") || link.url().startsWith("https://")) {
            return "[" + label.replace("]", "\\]") + "](<" + link.url().replace(">", "%3E").replace(")", "%29") + ">)";
        }
        return "`" + link.url().replace("`", "'") + "`";
    }

    private static MessageCreateData embedded(MessageEmbed embed) {
        return new MessageCreateBuilder().setEmbeds(embed).setAllowedMentions(DiscordReplies.NO_MENTIONS).build();
    }
}

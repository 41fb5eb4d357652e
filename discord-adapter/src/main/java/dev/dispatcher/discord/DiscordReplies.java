package dev.dispatcher.discord;

import dev.dispatcher.knowledge.KnowledgeLink;
import dev.dispatcher.reply.Reply;
import java.awt.Color;
import java.util.EnumSet;
import java.util.List;
import net.dv8tion.jda.api.EmbedBuilder;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.entities.MessageEmbed;
import net.dv8tion.jda.api.utils.MarkdownSanitizer;
import net.dv8tion.jda.api.utils.messages.MessageCreateBuilder;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;

/**
 * Renders the core's {@link Reply} for Discord: the routing analysis as an embed, and the specialist prompt as
 * code-block messages of at most 2,000 characters each. Mirrors the core's text format.
 *
 * <p>Every message built here carries empty allowed mentions, and user text is neutralised, so nothing can ping.
 * Thread-safe.
 */
public final class DiscordReplies {

    /** Allowed mentions for every message the bot sends: none. */
    public static final EnumSet<Message.MentionType> NO_MENTIONS = EnumSet.noneOf(Message.MentionType.class);

    private static final Color ROUTED = new Color(0x2f80ed);
    private static final Color FALLBACK = new Color(0xf2994a);
    private static final int TASK_SHOWN = 500;

    private final String misrouteEmoji;

    /** @param misrouteEmoji the reaction that flags a misroute, named in every reply's footer */
    public DiscordReplies(String misrouteEmoji) {
        this.misrouteEmoji = misrouteEmoji;
    }

    /** The routing analysis: title with the specialist, the task, the analysis lines, the knowledge-base link, notes. */
    public MessageEmbed embed(Reply reply) {
        KnowledgeLink link = reply.decision().knowledge();
        String title = "🎯 Routing analysis → " + reply.specialist().label();
        EmbedBuilder embed = new EmbedBuilder()
                .setTitle(UserText.oneLine(title, MessageEmbed.TITLE_MAX_LENGTH), isWebLink(link.url()) ? link.url() : null)
                .setColor(reply.decision().isFallback() ? FALLBACK : ROUTED);
        StringBuilder text = new StringBuilder();
        text.append("**Task:** ").append(UserText.inline(shorten(reply.task().strip(), TASK_SHOWN))).append("\n\n");
        for (Reply.Line line : reply.analysis()) {
            text.append("**").append(line.label()).append(":** ").append(value(line, link)).append('\n');
        }
        for (String note : reply.notes()) {
            text.append("ℹ️ ").append(UserText.inline(note)).append('\n');
        }
        embed.setDescription(shorten(text.toString(), MessageEmbed.DESCRIPTION_MAX_LENGTH));
        embed.setFooter(reply.acceptsFeedback()
                ? "decision " + reply.decisionId() + " · react with " + misrouteEmoji + " if this is the wrong specialist"
                : "this decision could not be stored, so it takes no misroute feedback");
        return embed.build();
    }

    /** The specialist prompt, fenced, split to fit; the first message names the specialist. */
    public List<MessageCreateData> prompt(Reply reply) {
        return CodeBlocks.split("🤖 **ACTIVATING SPECIALIST:** " + reply.specialist().label(), reply.prompt()).stream()
                .map(DiscordReplies::message)
                .toList();
    }

    /** A plain message with mentions switched off; {@code content} must already be safe. */
    public static MessageCreateData message(String content) {
        return new MessageCreateBuilder().setContent(content).setAllowedMentions(NO_MENTIONS).build();
    }

    /** How to use the bot, for {@code /route task:help} and an empty mention. */
    public String help() {
        return """
                **Backend Task Dispatcher** routes a Flask backend task to the specialist who owns it.
                • `/route task:Fix JWT token expiration` — the analysis here, the specialist prompt in a thread.
                • Mention me with the task: `@dispatcher the entities endpoint returns 404` — I answer in a thread.
                • Wrong specialist? React with %s on my analysis and pick the right one; I learn from it.
                • `/route task:stats` — routing statistics. `/route task:help` — this text.
                """.formatted(misrouteEmoji).strip();
    }

    /** Routing statistics as code blocks; {@code text} is {@code StatsRenderer.text(..)}. */
    public List<String> stats(String text) {
        return CodeBlocks.split("", text);
    }

    /** A sentence for the channel when no thread could be started, naming what is missing. */
    public String noThreadNotice(String why) {
        return "⚠️ I could not start a thread here (" + why + "), so I answer in the channel.";
    }

    private static String value(Reply.Line line, KnowledgeLink link) {
        if (line.value().startsWith(link.url())) {
            String shown = link.path() + (link.hasSection() ? " § " + link.section() : "");
            return isWebLink(link.url())
                    ? "[" + MarkdownSanitizer.escape(shown).replace("]", "\\]") + "](" + link.url() + ")"
                    : "`" + shown.replace("`", "'") + "`";
        }
        return MarkdownSanitizer.escape(line.value());
    }

    private static boolean isWebLink(String url) {
        return url != null && (url.startsWith("https://") || url.startsWith("http://")) && url.length() <= MessageEmbed.URL_MAX_LENGTH;
    }

    private static String shorten(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}

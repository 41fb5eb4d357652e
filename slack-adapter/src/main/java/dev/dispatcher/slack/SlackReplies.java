package dev.dispatcher.slack;

import static com.slack.api.model.block.Blocks.context;
import static com.slack.api.model.block.Blocks.divider;
import static com.slack.api.model.block.Blocks.header;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;

import com.slack.api.model.block.LayoutBlock;
import dev.dispatcher.knowledge.KnowledgeLink;
import dev.dispatcher.reply.Reply;
import java.util.ArrayList;
import java.util.List;

/**
 * Renders the core's {@link Reply} for Slack, in the same order as the terminal's {@code TextReplyRenderer}: the
 * routing analysis, the notes, the knowledge-base link and the specialist prompt, as Block Kit with a text fallback.
 * Every piece of user text (the task, the prompt) is escaped. Thread-safe.
 */
final class SlackReplies {

    /** Slack allows 50 blocks in a message; keep room for the blocks around the prompt. */
    private static final int MAX_PROMPT_BLOCKS = 40;
    /** Slack truncates a message's text past 40,000 characters. */
    private static final int MAX_TEXT = 39_000;
    private static final int TASK_IN_ANNOUNCEMENT = 300;

    private final String misrouteEmoji;

    SlackReplies(String misrouteEmoji) {
        this.misrouteEmoji = misrouteEmoji;
    }

    /**
     * The visible top-level message of {@code /route}: who asked, the task, who gets it, and where the details are.
     * Slash commands cannot be used in threads, so this message starts the thread that carries the analysis.
     */
    SlackMessage announcement(Reply reply, String requester) {
        String text = "📨 " + SlackText.mention(requester) + " asked to route: “"
                + SlackText.escape(SlackText.shorten(reply.task(), TASK_IN_ANNOUNCEMENT)) + "”\n"
                + "🎯 Routed to *" + SlackText.escape(reply.specialist().label()) + "* (`" + reply.specialist().id() + "`)."
                + " The analysis, the knowledge-base link and the specialist prompt are in the thread"
                + (reply.acceptsFeedback() ? "; react with :" + misrouteEmoji + ": on the analysis if this is the wrong specialist." : ".");
        return SlackMessage.text(text);
    }

    /** The routing answer posted in a thread: Block Kit and its text fallback. */
    SlackMessage analysis(Reply reply) {
        List<LayoutBlock> blocks = new ArrayList<>();
        blocks.add(header(h -> h.text(plainText("🎯 Routing analysis"))));
        blocks.add(section(s -> s.text(markdownText(limit(analysisLines(reply))))));
        if (!reply.notes().isEmpty()) {
            blocks.add(context(c -> c.elements(List.of(markdownText(limit(notes(reply)))))));
        }
        blocks.add(divider());
        blocks.add(section(s -> s.text(markdownText("*🤖 Activating specialist:* " + SlackText.escape(reply.specialist().label())))));
        List<String> prompt = SlackText.preformatted(reply.prompt(), SlackText.SECTION_LIMIT);
        for (String chunk : prompt.subList(0, Math.min(prompt.size(), MAX_PROMPT_BLOCKS))) {
            blocks.add(section(s -> s.text(markdownText(chunk))));
        }
        if (prompt.size() > MAX_PROMPT_BLOCKS) {
            blocks.add(context(c -> c.elements(List.of(markdownText("The prompt is too long for one Slack message; the rest is cut.")))));
        }
        if (reply.acceptsFeedback()) {
            blocks.add(context(c -> c.elements(List.of(markdownText(feedbackHint(reply))))));
        }
        return new SlackMessage(fallbackText(reply), blocks);
    }

    private String analysisLines(Reply reply) {
        StringBuilder out = new StringBuilder();
        for (Reply.Line line : reply.analysis()) {
            String value = line.label().equals("Knowledge base") ? knowledgeLink(reply.decision().knowledge()) : SlackText.escape(line.value());
            out.append('*').append(SlackText.escape(line.label())).append(":* ").append(value).append('\n');
        }
        return out.toString().strip();
    }

    /**
     * One page of the specialist's answer: its title in bold, the text escaped (model output can ping nobody; Slack
     * reads code fences and emphasis in it as usual), and the links at the end. Plain text, no blocks: it grows as it
     * streams and each edit replaces it whole.
     */
    static SlackMessage answer(dev.dispatcher.conversation.Content.Answer answer) {
        StringBuilder out = new StringBuilder("*").append(SlackText.escape(answer.title())).append('*');
        if (!answer.body().isBlank()) {
            out.append('\n').append(SlackText.escape(answer.body()));
        }
        if (!answer.sources().isEmpty()) {
            out.append("\n\n📚 ").append(String.join(" · ", answer.sources().stream().map(SlackReplies::knowledgeLink).toList()));
        }
        if (answer.complete() && !answer.sources().isEmpty()) {
            out.append("\n_React with :+1: or :-1: to say whether this answer helped._");
        }
        return SlackMessage.text(cut(out.toString(), MAX_TEXT));
    }

    static String knowledgeLink(KnowledgeLink link) {
        String label = SlackText.escape(link.path() + (link.hasSection() ? " § " + link.section() : ""));
        if (link.url().startsWith("http://") || link.url().startsWith("https://")) {
            return "<" + link.url().replace("<", "%3C").replace(">", "%3E").replace("|", "%7C") + "|" + label.replace("|", "¦") + ">";
        }
        return "`" + SlackText.escape(link.url()) + "`" + (link.hasSection() ? " (section: " + SlackText.escape(link.section()) + ")" : "");
    }

    private static String notes(Reply reply) {
        StringBuilder out = new StringBuilder();
        reply.notes().forEach(note -> out.append("ℹ️ ").append(SlackText.escape(note)).append('\n'));
        return out.toString().strip();
    }

    private String feedbackHint(Reply reply) {
        return "decision `" + reply.decisionId() + "` · react with :" + misrouteEmoji + ": on this message if this is the wrong specialist";
    }

    private String fallbackText(Reply reply) {
        StringBuilder out = new StringBuilder("🎯 ROUTING ANALYSIS:\n");
        for (Reply.Line line : reply.analysis()) {
            out.append(SlackText.escape(line.label())).append(": ").append(SlackText.escape(line.value())).append('\n');
        }
        reply.notes().forEach(note -> out.append("ℹ️ ").append(SlackText.escape(note)).append('\n'));
        out.append("\n🤖 ACTIVATING SPECIALIST: ").append(SlackText.escape(reply.specialist().label())).append('\n');
        out.append(SlackText.escape(reply.prompt())).append('\n');
        if (reply.acceptsFeedback()) {
            out.append("\n(").append(feedbackHint(reply)).append(")");
        }
        return cut(out.toString(), MAX_TEXT);
    }

    private static String limit(String mrkdwn) {
        return cut(mrkdwn, SlackText.SECTION_LIMIT);
    }

    /** Keeps escaped text within {@code max} characters, cutting at a line end when there is one. */
    private static String cut(String text, int max) {
        if (text.length() <= max) {
            return text;
        }
        int end = text.lastIndexOf('\n', max - 2);
        if (end <= 0) {
            end = max - 2;
            int entity = text.lastIndexOf('&', end);
            if (entity > end - 6) {
                end = entity; // never split &amp; &lt; &gt;
            }
        }
        return text.substring(0, end) + "\n…";
    }
}

package dev.dispatcher.slack;

import dev.dispatcher.conversation.Content;
import dev.dispatcher.conversation.InboundEvent;
import dev.dispatcher.conversation.PlatformOutput;
import dev.dispatcher.conversation.Posted;
import dev.dispatcher.dispatch.ConversationRef;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * How the core speaks in Slack: root messages and thread replies through {@code chat.postMessage} (never through a
 * {@code response_url}, whose messages reactions cannot be traced to the bot), edits through {@code chat.update}, the
 * misroute menu as Block Kit, and private words through the event's {@code response_url} or {@code chat.postEphemeral}.
 * A reply goes into the thread of its parent's {@code ts}, never of a reply's. Thread-safe.
 */
final class SlackOutput implements PlatformOutput {

    static final String PLATFORM = "slack";

    /** Slack accepts answers through a {@code response_url} for 30 minutes. */
    private static final Duration RESPONSE_URL_LIFETIME = Duration.ofMinutes(30);

    private final SlackPoster poster;
    private final ResponseUrlAnswers responseUrl;
    private final SlackReplies replies;
    private final HelpTexts help;
    private final Supplier<String> botName;

    SlackOutput(SlackPoster poster, ResponseUrlAnswers responseUrl, SlackReplies replies, HelpTexts help, Supplier<String> botName) {
        this.poster = poster;
        this.responseUrl = responseUrl;
        this.replies = replies;
        this.help = help;
        this.botName = botName;
    }

    @Override
    public Duration callbackLifetime() {
        return RESPONSE_URL_LIFETIME;
    }

    @Override
    public Posted post(InboundEvent origin, Content content) {
        ConversationRef where = origin.conversation();
        return posted(where.channel(), where.thread(), poster.post(where.channel(), where.thread(), render(content), decisionOf(content)));
    }

    @Override
    public Posted reply(ConversationRef under, Content content) {
        String thread = threadOf(under);
        return posted(under.channel(), thread, poster.post(under.channel(), thread, render(content), decisionOf(content)));
    }

    @Override
    public Posted edit(ConversationRef message, Content content) {
        SlackPoster.Posted updated = poster.update(message.channel(), message.message(), render(content), decisionOf(content));
        return updated.ok() ? Posted.ok(message) : Posted.failed(updated.error());
    }

    @Override
    public Posted ask(ConversationRef under, Content.MisrouteQuestion question) {
        String thread = threadOf(under);
        String decision = question.flag().decision().id();
        return posted(under.channel(), thread,
                poster.post(under.channel(), thread, MisrouteMessages.question(question.flag(), question.flaggedBy()), decision));
    }

    @Override
    public void whisper(InboundEvent origin, Content content) {
        String text = privately(content);
        String decision = decisionOf(content);
        if (origin.callback() != null) {
            responseUrl.send(origin.callback(), text, decision);
        } else {
            ConversationRef where = origin.conversation();
            String thread = where.thread() != null ? where.thread() : where.message();
            poster.postEphemeral(where.channel(), origin.actor().userId(), thread, text, decision);
        }
    }

    private SlackMessage render(Content content) {
        if (content instanceof Content.Announcement a) {
            return replies.announcement(a.reply(), a.requester());
        }
        if (content instanceof Content.Analysis a) {
            return replies.analysis(a.reply());
        }
        if (content instanceof Content.MisrouteQuestion q) {
            return MisrouteMessages.question(q.flag(), q.flaggedBy());
        }
        if (content instanceof Content.CorrectionConfirmation c) {
            return MisrouteMessages.confirmation(c.correction(), c.chosenBy());
        }
        if (content instanceof Content.Answer a) {
            return SlackReplies.answer(a);
        }
        return SlackMessage.text(privately(content));
    }

    /** The words of a message for one person's eyes, or of a plain message in a thread. */
    private String privately(Content content) {
        if (content instanceof Content.Usage) {
            return help.usage();
        }
        if (content instanceof Content.Stats s) {
            return HelpTexts.stats(s.text());
        }
        if (content instanceof Content.Text t) {
            return SlackText.escape(t.text());
        }
        if (content instanceof Content.PostFailed f) {
            return notInChannel(f.error()) ? HelpTexts.invite(botName.get()) : HelpTexts.postFailed(f.error(), f.decisionId());
        }
        return render(content).text();
    }

    private static String decisionOf(Content content) {
        if (content instanceof Content.Announcement a) {
            return a.reply().decisionId();
        }
        if (content instanceof Content.Analysis a) {
            return a.reply().decisionId();
        }
        if (content instanceof Content.MisrouteQuestion q) {
            return q.flag().decision().id();
        }
        return content instanceof Content.PostFailed f ? f.decisionId() : null;
    }

    private static Posted posted(String channel, String thread, SlackPoster.Posted posted) {
        return posted.ok() ? Posted.ok(new ConversationRef(PLATFORM, channel, thread, posted.ts())) : Posted.failed(posted.error());
    }

    /** Slack threads hang on the parent's {@code ts}: the thread a message is in, or the message itself. */
    private static String threadOf(ConversationRef under) {
        return under.thread() != null ? under.thread() : under.message();
    }

    private static boolean notInChannel(String error) {
        return "not_in_channel".equals(error) || "channel_not_found".equals(error);
    }
}

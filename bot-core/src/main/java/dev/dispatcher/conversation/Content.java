package dev.dispatcher.conversation;

import dev.dispatcher.feedback.Feedback;
import dev.dispatcher.reply.Reply;

/**
 * What the core asks a platform to show, in platform-neutral terms; each adapter renders every kind (Block Kit, an
 * embed, text) and escapes the user text inside, so nothing it shows can ping anyone.
 */
public sealed interface Content {

    /** The top-level message of a {@code /route}: who asked, the task, who gets it; the thread carries the rest. */
    record Announcement(Reply reply, String requester) implements Content {}

    /**
     * The routing answer: analysis, knowledge-base link, specialist prompt.
     *
     * @param underAnnouncement the message above it already announced this reply (a {@code /route}), so a platform
     *                          whose announcement shows the analysis may show only the prompt here
     */
    record Analysis(Reply reply, boolean underAnnouncement) implements Content {}

    /** "Who should have had it?": the choices after a misroute flag. */
    record MisrouteQuestion(Feedback.Flag flag, String flaggedBy) implements Content {}

    /** A correction was recorded. */
    record CorrectionConfirmation(Feedback.Correction correction, String chosenBy) implements Content {}

    /** How to use the bot, in the platform's own syntax. */
    record Usage() implements Content {}

    /** Routing statistics, already rendered as monospaced text by {@code StatsRenderer}. */
    record Stats(String text) implements Content {}

    /**
     * A sentence of the bot's own; it may quote user text, so the adapter escapes it like user text. Also what a
     * streamed answer is made of.
     */
    record Text(String text) implements Content {}

    /**
     * One page of the specialist's answer under the routing reply, while it streams or once complete. The body may be
     * model output: adapters render it as Markdown but escape it like user text, so it can ping nobody.
     *
     * @param title    one line of the bot's own, e.g. {@code 🤖 auth-system-architect is answering…}
     * @param body     this page's text (already cut to the platform's {@link PlatformOutput#answerLimit()})
     * @param sources  knowledge-base links shown at the end (on the last page, once complete)
     * @param complete whether the answer is finished
     */
    record Answer(String title, String body, java.util.List<dev.dispatcher.knowledge.KnowledgeLink> sources,
                  boolean complete) implements Content {

        public Answer {
            sources = java.util.List.copyOf(sources);
        }
    }

    /**
     * A message could not be posted; said privately to whoever asked.
     *
     * @param error      the platform's error code; adapters may turn some into advice ({@code not_in_channel}: invite me)
     * @param decisionId the decision whose answer failed, or {@code null}
     */
    record PostFailed(String error, String decisionId) implements Content {}
}

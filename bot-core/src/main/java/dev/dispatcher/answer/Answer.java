package dev.dispatcher.answer;

import dev.dispatcher.knowledge.KnowledgeLink;
import java.util.List;
import java.util.Locale;

/**
 * What the specialist said under a routing reply, in platform-neutral terms; adapters render and escape it like every
 * echo, since it carries model output.
 *
 * @param outcome    how it came about
 * @param specialist the specialist the task was routed to
 * @param template   whose prompt template produced it: the specialist's, the overview specialist's after a failure, or
 *                   {@code knowledge-base} when no model answered
 * @param title      one line above it, e.g. {@code 🤖 auth-system-architect answered}
 * @param body       the answer itself (Markdown from a model, or knowledge-base excerpts)
 * @param sources    the knowledge-base sections it drew on, linked at its end
 * @param cited      whether a model answer cited the knowledge-base sections it was given
 * @param tokensIn   prompt tokens spent on it, every attempt included
 * @param tokensOut  answer tokens spent on it, every attempt included
 */
public record Answer(Outcome outcome, String specialist, String template, String title, String body,
                     List<KnowledgeLink> sources, boolean cited, long tokensIn, long tokensOut) {

    /** The template name of an answer no model wrote. */
    public static final String KNOWLEDGE_BASE = "knowledge-base";

    public Answer {
        sources = List.copyOf(sources);
    }

    /** How an answer came about; its name is the {@code outcome} label of {@code dispatcher_answers_total}. */
    public enum Outcome {
        /** No model is set: the knowledge base's best sections. */
        KNOWLEDGE,
        /** The specialist's model answer. */
        ANSWERED,
        /** The specialist's answer failed; the overview specialist answered instead. */
        FALLBACK,
        /** Both failed, or the provider is paused: one sentence and manual guidance. */
        FAILED,
        /** The daily token budget is spent: a note and the knowledge base's sections. */
        BUDGET;

        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** Whether a model wrote the answer. */
        public boolean byModel() {
            return this == ANSWERED || this == FALLBACK;
        }
    }
}

package dev.dispatcher.reply;

import dev.dispatcher.routing.RoutingDecision;
import dev.dispatcher.routing.Specialist;
import java.util.List;

/**
 * The platform-neutral answer to a task, in the seed's response format: the routing analysis, the knowledge-base
 * link, and the specialist's activation prompt. Front ends render it (terminal text, Block Kit, a Discord embed) and
 * escape {@link #task()} and {@link #prompt()}, which carry user text.
 *
 * @param decisionId id of the stored decision, for flags and corrections; {@code null} if it could not be stored
 * @param task       the task as the user typed it
 * @param decision   the routing decision
 * @param specialist the specialist that gets the task
 * @param analysis   the routing analysis as labelled lines, in display order; values never contain user text
 * @param prompt     the activation prompt with the task filled in
 * @param notes      extra sentences for the user: truncation, fallback reason, clarification, learned routes
 */
public record Reply(
        String decisionId,
        String task,
        RoutingDecision decision,
        Specialist specialist,
        List<Line> analysis,
        String prompt,
        List<String> notes) {

    public Reply {
        analysis = List.copyOf(analysis);
        notes = List.copyOf(notes);
    }

    /** One line of the analysis: {@code Routing to: auth-system-architect}. */
    public record Line(String label, String value) {}

    /** Whether misroute feedback can be recorded for this reply. */
    public boolean acceptsFeedback() {
        return decisionId != null;
    }

    /** The same reply with one more note for the user, e.g. that it could not be recorded. */
    public Reply withNote(String note) {
        List<String> more = new java.util.ArrayList<>(notes);
        more.add(note);
        return new Reply(decisionId, task, decision, specialist, analysis, prompt, more);
    }
}

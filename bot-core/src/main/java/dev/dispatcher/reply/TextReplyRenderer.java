package dev.dispatcher.reply;

/**
 * Renders a reply as plain text in the seed's response format, for the terminal. The shell echoes nothing to other
 * people, so no escaping is needed here; platform renderers do their own.
 */
public final class TextReplyRenderer {

    /**
     * @param reply         the reply
     * @param misrouteHint  how to flag it, e.g. {@code react with :x:}; empty to leave the hint out
     */
    public String render(Reply reply, String misrouteHint) {
        StringBuilder out = new StringBuilder();
        out.append("🎯 ROUTING ANALYSIS:\n");
        for (Reply.Line line : reply.analysis()) {
            out.append(line.label()).append(": ").append(line.value()).append('\n');
        }
        for (String note : reply.notes()) {
            out.append("ℹ️ ").append(note).append('\n');
        }
        out.append('\n').append("🤖 ACTIVATING SPECIALIST: ").append(reply.specialist().label()).append('\n');
        out.append(reply.prompt()).append('\n');
        if (reply.acceptsFeedback() && !misrouteHint.isEmpty()) {
            out.append('\n').append("(decision ").append(reply.decisionId()).append(" · ").append(misrouteHint)
                    .append(" if this is the wrong specialist)\n");
        }
        return out.toString();
    }
}

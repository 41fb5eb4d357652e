package dev.dispatcher.reply;

/**
 * Renders a reply as plain text in the seed's response format, for the terminal. Nothing here can ping anyone, but a
 * task's escape sequences could drive the terminal: every control character is shown as a picture
 * ({@link TerminalText}). Platform renderers do their own escaping.
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
        return TerminalText.visible(out.toString());
    }
}

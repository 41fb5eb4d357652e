package dev.dispatcher.answer;

import dev.dispatcher.knowledge.KnowledgeLink;
import dev.dispatcher.reply.TerminalText;
import java.io.PrintStream;

/**
 * An answer printed in a terminal as it is written (the shell, {@code route --answer}): each attempt's title, then its
 * text as it streams, then the links. Model text reaches the terminal as text, never as commands: control characters
 * are shown as pictures. Thread-safe.
 */
public final class TerminalAnswer implements AnswerStream {

    private final PrintStream out;
    private boolean streamed;

    public TerminalAnswer(PrintStream out) {
        this.out = out;
    }

    @Override
    public synchronized void attempt(String title) {
        out.println();
        out.println(TerminalText.visible(title));
        out.flush();
        streamed = false;
    }

    @Override
    public synchronized void text(String piece) {
        out.print(TerminalText.visible(piece));
        out.flush();
        streamed = true;
    }

    /** Prints the end of the answer: the links after streamed text, or the whole answer when nothing streamed. */
    public synchronized void finish(Answer answer) {
        if (answer.outcome().byModel() && streamed) {
            out.println();
        } else {
            out.println();
            out.println(TerminalText.visible(answer.title()));
            out.println(TerminalText.visible(answer.body()));
        }
        if (!answer.sources().isEmpty()) {
            out.println();
            out.println("📚 Sources:");
            for (KnowledgeLink link : answer.sources()) {
                out.println(TerminalText.visible("  - " + link.url() + (link.hasSection() ? " (" + link.section() + ")" : "")));
            }
        }
        out.flush();
    }
}

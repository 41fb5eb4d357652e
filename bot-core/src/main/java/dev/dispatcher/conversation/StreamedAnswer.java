package dev.dispatcher.conversation;

import dev.dispatcher.answer.Answer;
import dev.dispatcher.answer.AnswerPages;
import dev.dispatcher.answer.AnswerStream;
import dev.dispatcher.dispatch.ConversationRef;
import dev.dispatcher.knowledge.KnowledgeLink;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;

/**
 * An answer shown in a thread while it is written: the text collects as the model streams it, and {@link #flush()}
 * (called on a timer, never per token) edits the messages to show it, posting a further message when a page is full.
 * {@link #finish} shows the finished answer with its links. Thread-safe: text arrives on the model client's threads,
 * flushes come from the timer, and only one flush talks to the platform at a time.
 */
final class StreamedAnswer implements AnswerStream {

    private final PlatformOutput output;
    private final ConversationRef thread;
    private final int pageLimit;
    private final ReentrantLock showing = new ReentrantLock();
    private final List<ConversationRef> pages = new ArrayList<>();
    private final List<Content.Answer> shown = new ArrayList<>();
    private final StringBuilder text = new StringBuilder();
    private String title;
    private boolean changed;
    private volatile boolean finished;

    /**
     * @param first the message already showing this answer (a resumed job's), or {@code null}
     */
    StreamedAnswer(PlatformOutput output, ConversationRef thread, ConversationRef first, String title) {
        this.output = output;
        this.thread = thread;
        this.pageLimit = output.answerLimit();
        this.title = title;
        if (first != null) {
            pages.add(first);
            shown.add(null);
        }
    }

    /**
     * Shows the title at once, in the message already there or a new one.
     *
     * @return the first message, or {@code null} when the platform refused it
     */
    ConversationRef open() {
        showing.lock();
        try {
            show(List.of(""), title, List.of(), false);
            return pages.isEmpty() ? null : pages.get(0);
        } finally {
            showing.unlock();
        }
    }

    @Override
    public synchronized void attempt(String title) {
        this.title = title;
        text.setLength(0);
        changed = true;
    }

    @Override
    public synchronized void text(String piece) {
        text.append(piece);
        changed = true;
    }

    /** Shows what has arrived since the last flush; skipped when a flush is already talking to the platform. */
    void flush() {
        if (!showing.tryLock()) {
            return;
        }
        try {
            if (finished) {
                return;
            }
            String now;
            String heading;
            synchronized (this) {
                if (!changed) {
                    return;
                }
                changed = false;
                now = text.toString();
                heading = title;
            }
            show(AnswerPages.split(now, pageLimit), heading, List.of(), false);
        } finally {
            showing.unlock();
        }
    }

    /**
     * Shows the finished answer.
     *
     * @return the first message that shows it, or {@code null} when the platform refused it
     */
    ConversationRef finish(Answer answer) {
        showing.lock();
        try {
            finished = true;
            show(AnswerPages.split(answer.body(), pageLimit), answer.title(), answer.sources(), true);
            return pages.isEmpty() ? null : pages.get(0);
        } finally {
            showing.unlock();
        }
    }

    private void show(List<String> bodies, String heading, List<KnowledgeLink> sources, boolean complete) {
        for (int i = 0; i < Math.max(bodies.size(), pages.size()); i++) {
            boolean last = i == bodies.size() - 1;
            Content.Answer content = i < bodies.size()
                    ? new Content.Answer(i == 0 ? heading : "(continued)", bodies.get(i), last && complete ? sources : List.of(), complete)
                    : new Content.Answer("(continued)", "…", List.of(), complete);   // a retry wrote less than before
            if (i < pages.size()) {
                if (!content.equals(shown.get(i))) {
                    Posted edited = output.edit(pages.get(i), content);
                    if (edited.ok()) {
                        shown.set(i, content);
                    }
                }
            } else {
                Posted posted = output.reply(thread, content);
                if (!posted.ok()) {
                    return;   // the platform refused: what is shown so far stands
                }
                pages.add(posted.message());
                shown.add(content);
            }
        }
    }
}

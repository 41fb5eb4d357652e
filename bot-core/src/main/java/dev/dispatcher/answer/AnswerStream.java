package dev.dispatcher.answer;

/**
 * Where an answer goes while it is being written: the terminal prints it as it comes, the pipeline edits a message on
 * a timer. Called from the model client's threads; implementations are thread-safe.
 */
public interface AnswerStream {

    /** An attempt starts (the specialist, then perhaps the overview specialist): text so far is to be replaced. */
    void attempt(String title);

    /** More text of the current attempt. */
    void text(String piece);

    /** A stream that shows nothing, for callers that only want the finished answer. */
    static AnswerStream ignored() {
        return new AnswerStream() {
            @Override
            public void attempt(String title) {
            }

            @Override
            public void text(String piece) {
            }
        };
    }
}

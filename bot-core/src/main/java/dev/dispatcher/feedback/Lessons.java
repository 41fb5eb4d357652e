package dev.dispatcher.feedback;

/**
 * Where feedback tells learning that the stored corrections changed: one decision was corrected (usually learnt in
 * place), or corrections were withdrawn or forgotten (everything is relearnt from the store).
 */
public interface Lessons {

    /** A correction of this decision was stored. */
    default void corrected(String decisionId) {
        relearn();
    }

    /** Corrections were withdrawn, forgotten or confirmed: learn again from everything stored. */
    void relearn();

    /** Learning that only ever relearns everything, from a callback. */
    static Lessons relearning(Runnable relearn) {
        return relearn::run;
    }
}

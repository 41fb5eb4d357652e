package dev.dispatcher.routing;

/**
 * Why a task went to the fallback specialist instead of the one the evidence favoured.
 *
 * @param kind    the kind of fallback, stable for statistics and JSON
 * @param message one sentence for the user
 */
public record FallbackReason(Kind kind, String message) {

    /** The fallbacks the seed describes: unclear or empty requests, and missing documentation. */
    public enum Kind {
        EMPTY_TASK,
        NO_EVIDENCE,
        LOW_CONFIDENCE,
        MISSING_DOCUMENT
    }
}

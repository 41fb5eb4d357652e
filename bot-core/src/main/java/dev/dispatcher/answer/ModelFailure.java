package dev.dispatcher.answer;

import java.time.Duration;
import java.util.Locale;

/**
 * Why a model gave no usable answer; the seed's "activation fails", retried with the overview specialist. Its message
 * never carries the prompt, the answer or the provider's response body.
 */
public final class ModelFailure extends Exception {

    /** What went wrong; its name is the {@code outcome} label of the model-call metrics. */
    public enum Kind {
        /** No complete answer within {@code DISPATCHER_LLM_TIMEOUT_SECONDS}. */
        TIMEOUT,
        /** The provider answered with an error (5xx, a refused key, an unknown model). */
        PROVIDER_ERROR,
        /** The provider said to slow down (429). */
        RATE_LIMITED,
        /** The stream could not be read. */
        MALFORMED,
        /** The answer was empty. */
        EMPTY,
        /** The model declined to answer, or a content filter stopped it. */
        REFUSED,
        /** Not tried: the provider is paused after repeated failures or a rate limit. */
        PAUSED;

        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** Whether this says the provider is in trouble (and counts towards opening the breaker). */
        boolean providerTrouble() {
            return this == TIMEOUT || this == PROVIDER_ERROR || this == MALFORMED;
        }
    }

    private final Kind kind;
    private final Duration retryAfter;

    public ModelFailure(Kind kind, String message) {
        this(kind, message, null);
    }

    public ModelFailure(Kind kind, String message, Duration retryAfter) {
        super(message, null, false, false);
        this.kind = kind;
        this.retryAfter = retryAfter;
    }

    public Kind kind() {
        return kind;
    }

    /** How long the provider asked to wait (429 {@code Retry-After}), or {@code null}. */
    public Duration retryAfter() {
        return retryAfter;
    }

    /** A sentence for the thread: why the specialist could not answer. */
    public String reason() {
        return switch (kind) {
            case TIMEOUT -> "the model took too long";
            case PROVIDER_ERROR -> "the model provider answered with an error";
            case RATE_LIMITED -> "the model provider asked us to slow down";
            case MALFORMED -> "the model's answer could not be read";
            case EMPTY -> "the model gave an empty answer";
            case REFUSED -> "the model declined to answer";
            case PAUSED -> getMessage();
        };
    }
}

package dev.dispatcher.eval;

import java.util.List;

/**
 * One labelled request: {@code {"text": ..., "label": ..., "also": [...], "kind": ...}}.
 *
 * @param text  the request
 * @param label the specialist that should get it
 * @param also  other specialists that would also be right
 * @param kind  what kind of request it is under the team's conventions ({@code domain-failure}, {@code user-data},
 *              {@code access-control}, {@code other}), or {@code null} when the file does not say
 */
public record EvalCase(String text, String label, List<String> also, String kind) {

    public EvalCase {
        also = also == null ? List.of() : List.copyOf(also);
    }

    public EvalCase(String text, String label, List<String> also) {
        this(text, label, also, null);
    }

    /** Whether routing to this specialist is right for this case. */
    public boolean accepts(String specialist) {
        return label.equals(specialist) || also.contains(specialist);
    }
}

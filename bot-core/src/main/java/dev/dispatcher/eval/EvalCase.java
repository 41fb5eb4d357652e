package dev.dispatcher.eval;

import java.util.List;

/**
 * One labelled request: {@code {"text": ..., "label": ..., "also": [...]}}.
 *
 * @param text  the request
 * @param label the specialist that should get it
 * @param also  other specialists that would also be right
 */
public record EvalCase(String text, String label, List<String> also) {

    public EvalCase {
        also = also == null ? List.of() : List.copyOf(also);
    }

    /** Whether routing to this specialist is right for this case. */
    public boolean accepts(String specialist) {
        return label.equals(specialist) || also.contains(specialist);
    }
}

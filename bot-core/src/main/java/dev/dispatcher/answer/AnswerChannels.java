package dev.dispatcher.answer;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The channels where the specialist answers under the routing reply ({@code DISPATCHER_ANSWER_CHANNELS}): empty means
 * everywhere, {@code none} nowhere, otherwise the listed channel ids (Slack {@code C…}, Discord channel or thread ids,
 * {@code local} for the shell), separated by commas or spaces. Elsewhere the routing reply stands alone. Immutable.
 *
 * @param listed the channels listed, or empty for every channel
 * @param none   whether answers are off everywhere
 */
public record AnswerChannels(Set<String> listed, boolean none) {

    public AnswerChannels {
        listed = Set.copyOf(listed);
    }

    public static AnswerChannels everywhere() {
        return new AnswerChannels(Set.of(), false);
    }

    static AnswerChannels parse(String value) {
        if (value == null || value.isBlank()) {
            return everywhere();
        }
        if (value.strip().equalsIgnoreCase("none")) {
            return new AnswerChannels(Set.of(), true);
        }
        return new AnswerChannels(Arrays.stream(value.split("[,\\s]+")).filter(s -> !s.isBlank()).collect(Collectors.toSet()), false);
    }

    /** Whether answers are given in this channel. */
    public boolean answersIn(String channel) {
        return !none && (listed.isEmpty() || listed.contains(channel));
    }

    @Override
    public String toString() {
        return none ? "none" : listed.isEmpty() ? "everywhere" : String.join(",", listed);
    }
}

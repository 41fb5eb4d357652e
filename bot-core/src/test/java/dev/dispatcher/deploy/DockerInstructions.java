package dev.dispatcher.deploy;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * A Dockerfile as its instructions, one string each: comments dropped, continuation lines joined, runs of blanks
 * squeezed to one space ({@code COPY --from=build /build/a.jar /app/a.jar}).
 */
final class DockerInstructions {

    private DockerInstructions() {}

    static List<String> of(String dockerfile) {
        List<String> instructions = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : dockerfile.split("\n")) {
            String trimmed = line.strip();
            if (trimmed.startsWith("#") || (trimmed.isEmpty() && current.isEmpty())) {
                continue;
            }
            boolean continues = trimmed.endsWith("\\");
            current.append(continues ? trimmed.substring(0, trimmed.length() - 1) : trimmed).append(' ');
            if (!continues) {
                instructions.add(current.toString().replaceAll("\\s+", " ").strip());
                current.setLength(0);
            }
        }
        return instructions;
    }

    /** Position of the first instruction that matches, or {@link Integer#MAX_VALUE} when none does. */
    static int first(List<String> instructions, Predicate<String> matching) {
        for (int i = 0; i < instructions.size(); i++) {
            if (matching.test(instructions.get(i))) {
                return i;
            }
        }
        return Integer.MAX_VALUE;
    }

    /** Position of the last instruction that matches, or -1 when none does. */
    static int last(List<String> instructions, Predicate<String> matching) {
        for (int i = instructions.size() - 1; i >= 0; i--) {
            if (matching.test(instructions.get(i))) {
                return i;
            }
        }
        return -1;
    }
}

package dev.dispatcher.web;

/**
 * How often tasks fell back for one reason, and how many of those someone then corrected.
 *
 * @param reason    the fallback kind, e.g. {@code LOW_CONFIDENCE}
 * @param tasks     tasks that fell back for it
 * @param corrected of those, tasks with at least one correction
 */
public record FallbackLine(String reason, int tasks, int corrected) {

    public Double correctedShare() {
        return tasks == 0 ? null : corrected / (double) tasks;
    }
}

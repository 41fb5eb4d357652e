package dev.dispatcher.cli;

import dev.dispatcher.app.BotCore;
import dev.dispatcher.reply.TerminalText;
import dev.dispatcher.store.FeedbackStore;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code ./dispatcher review}: the corrections made by people who may not teach (see {@code DISPATCHER_TEACHERS}),
 * which are recorded and counted but move routing only once confirmed with {@code ./dispatcher confirm}.
 */
@Command(name = "review", header = "List corrections that wait for someone allowed to teach to confirm them.",
        description = {"List the corrections made by people who may not teach (DISPATCHER_TEACHERS): recorded and counted",
            "in the statistics, they move routing only once confirmed with './dispatcher confirm DECISION_ID'."})
final class ReviewCommand implements Callable<Integer> {

    @Mixin
    HelpOption help;

    private final CommandContext context;

    ReviewCommand(CommandContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        try (BotCore core = context.startCore()) {
            List<FeedbackStore.CorrectionRow> waiting = core.feedbackStore().awaitingReview();
            if (waiting.isEmpty()) {
                context.out().println("No correction waits for review.");
                return 0;
            }
            for (FeedbackStore.CorrectionRow row : waiting) {
                context.out().println(TerminalText.visible(String.format(java.util.Locale.ROOT, "%s  %s  by %s: %s -> %s  \"%s\"",
                        row.decisionId(), Instant.ofEpochMilli(row.createdAt()), row.user(), row.routedTo(), row.correctedTo(),
                        row.taskText().length() > 120 ? row.taskText().substring(0, 120) + "…" : row.taskText())));
            }
            context.out().println(waiting.size() + (waiting.size() == 1 ? " correction waits" : " corrections wait")
                    + " for review; './dispatcher confirm DECISION_ID' lets a decision's corrections teach.");
        }
        return 0;
    }
}

package dev.dispatcher.cli;

import dev.dispatcher.app.BotCore;
import dev.dispatcher.reply.TerminalText;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code ./dispatcher confirm DECISION_ID}: lets the corrections of one decision that wait for review teach. */
@Command(name = "confirm", header = "Let a decision's corrections that wait for review teach the router.",
        description = "Let the corrections of one decision that wait for review (see './dispatcher review') teach the router.")
final class ConfirmCommand implements Callable<Integer> {

    @Mixin
    HelpOption help;

    @Parameters(paramLabel = "DECISION_ID", description = "a decision id that './dispatcher review' lists")
    String decisionId;

    private final CommandContext context;

    ConfirmCommand(CommandContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        try (BotCore core = context.startCore()) {
            int confirmed = core.feedback().confirm(decisionId);
            if (confirmed == 0) {
                throw CommandFailure.failed("decision " + decisionId + " has no correction waiting for review", null);
            }
            context.out().println(TerminalText.visible("Confirmed " + confirmed + (confirmed == 1 ? " correction" : " corrections")
                    + " of decision " + decisionId + "; the router learns from " + (confirmed == 1 ? "it" : "them") + " now."));
        }
        return 0;
    }
}

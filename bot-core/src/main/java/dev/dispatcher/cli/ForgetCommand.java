package dev.dispatcher.cli;

import dev.dispatcher.app.BotCore;
import dev.dispatcher.reply.TerminalText;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code ./dispatcher forget DECISION_ID}: the router unlearns one decision's corrections. */
@Command(name = "forget", header = "Remove the corrections and flags of one decision.",
        description = "Remove the corrections and flags of one decision, so the router unlearns them.")
final class ForgetCommand implements Callable<Integer> {

    @Mixin
    HelpOption help;

    @Parameters(paramLabel = "DECISION_ID", description = "the id a reply shows, e.g. (decision vu479gz8kc · …)")
    String decisionId;

    private final CommandContext context;

    ForgetCommand(CommandContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        try (BotCore core = context.startCore()) {
            if (!core.feedback().forget(decisionId)) {
                throw CommandFailure.failed("there is no decision " + decisionId, null);
            }
            context.out().println(TerminalText.visible("Forgot the corrections and flags of decision " + decisionId + "."));
        }
        return 0;
    }
}

package dev.dispatcher.cli;

import dev.dispatcher.app.BotCore;
import dev.dispatcher.feedback.KeywordSuggestions;
import dev.dispatcher.reply.TerminalText;
import dev.dispatcher.routing.TextAnalyzer;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code ./dispatcher suggest}: keywords corrected tasks use that the configuration lacks, as YAML. */
@Command(name = "suggest", header = "Keywords that corrected tasks use and the configuration lacks.",
        description = "Terms that recur in tasks corrected to a specialist and its configuration lacks, as YAML to paste.")
final class SuggestCommand implements Callable<Integer> {

    @Mixin
    HelpOption help;

    private final CommandContext context;

    SuggestCommand(CommandContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        try (BotCore core = context.startCore()) {
            KeywordSuggestions suggestions = new KeywordSuggestions(core.catalog(), TextAnalyzer.forRouting(core.catalog().settings()));
            context.out().println(TerminalText.visible(suggestions.render(core.feedbackRows())));
        }
        return 0;
    }
}

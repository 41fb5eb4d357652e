package dev.dispatcher.cli;

import dev.dispatcher.app.KnowledgeFiles;
import dev.dispatcher.app.KnowledgeLoader;
import dev.dispatcher.lint.KnowledgeLint;
import dev.dispatcher.lint.Warning;
import dev.dispatcher.reply.TerminalText;
import dev.dispatcher.routing.CorrectionMemory;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code ./dispatcher check}: the knowledge base validated exactly as start-up validates it, then linted. Exit status 2
 * on an error (the bot would not start, or would refuse the reload); 0 with the warnings listed.
 */
@Command(name = "check", header = "Validate and lint the knowledge base, as start-up and reloads read it.",
        description = {"Validate routing.yaml, the documents and the templates exactly as start-up does (exit status 2 on an",
            "error), then list warnings: a term two specialists claim with similar weight, examples that route elsewhere,",
            "template placeholders never filled, documents without sections, links to sections that do not exist."})
final class CheckCommand implements Callable<Integer> {

    @Mixin
    HelpOption help;

    private final CommandContext context;

    CheckCommand(CommandContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        KnowledgeFiles files = context.knowledgeFiles();
        List<Warning> warnings = KnowledgeLint.of(files, KnowledgeLoader.buildRouter(files, CorrectionMemory.none()));
        for (Warning warning : warnings) {
            context.out().println(TerminalText.visible("warning: " + warning));
        }
        context.out().println(files.folder() + ": valid, version " + files.version() + ", "
                + files.catalog().specialists().size() + " specialists, " + files.knowledge().sections().size() + " sections, "
                + files.knowledge().labelledExamples().size() + " examples; " + warnings.size()
                + (warnings.size() == 1 ? " warning" : " warnings"));
        return 0;
    }
}

package dev.dispatcher.cli;

import dev.dispatcher.app.BotCore;
import dev.dispatcher.feedback.EvalExport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code ./dispatcher export FILE.jsonl}: the team's own evaluation set. It never overwrites a file without
 * {@code --force} and never creates folders: a typo in the path is reported, not silently made.
 */
@Command(name = "export", header = "Write corrected and unflagged decisions as evaluation cases.",
        description = {"Write corrected and unflagged decisions as evaluation cases, in the format eval reads.",
            "An existing FILE is kept unless --force; a missing folder is not created."})
final class ExportCommand implements Callable<Integer> {

    @Mixin
    HelpOption help;

    @Option(names = "--force", description = "replace FILE if it exists")
    boolean force;

    @Parameters(paramLabel = "FILE.jsonl", description = "where to write; its folder must exist")
    Path file;

    private final CommandContext context;

    ExportCommand(CommandContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        Path target = file.toAbsolutePath().normalize();
        if (Files.isDirectory(target)) {
            throw CommandFailure.badUsage(file + " is a folder; name the file to write, e.g. " + file.resolve("cases.jsonl"));
        }
        if (Files.exists(target) && !force) {
            throw CommandFailure.badUsage(file + " already exists; add --force to replace it");
        }
        if (!Files.isDirectory(target.getParent())) {
            throw CommandFailure.badUsage("the folder " + target.getParent() + " does not exist; create it first");
        }
        try (BotCore core = context.startCore()) {
            int written = new EvalExport(core.database()).write(target);
            context.out().println("Wrote " + written + " cases to " + file + ".");
        } catch (IOException e) {
            throw CommandFailure.failed("cannot write " + file + ": " + e.getMessage(), e);
        }
        return 0;
    }
}

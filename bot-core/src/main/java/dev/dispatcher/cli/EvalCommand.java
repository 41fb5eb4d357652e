package dev.dispatcher.cli;

import dev.dispatcher.app.KnowledgeFiles;
import dev.dispatcher.app.KnowledgeLoader;
import dev.dispatcher.eval.EvalCase;
import dev.dispatcher.eval.EvalCases;
import dev.dispatcher.eval.EvalReport;
import dev.dispatcher.eval.Evaluation;
import dev.dispatcher.eval.LearningReplay;
import dev.dispatcher.eval.ReplayReport;
import dev.dispatcher.knowledge.TextFile;
import dev.dispatcher.reply.TerminalText;
import dev.dispatcher.routing.CorrectionMemory;
import dev.dispatcher.routing.SeedBaselineRouter;
import dev.dispatcher.routing.Specialist;
import dev.dispatcher.routing.SpecialistCatalog;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code ./dispatcher eval FILE.jsonl [--json] [--learn [--shuffle SEED]]}: accuracy on labelled requests, cold or
 * replayed as a team lives them (route, and correct each miss before the next request), always beside the seed
 * baseline.
 */
@Command(name = "eval", header = "Accuracy of our router and of the seed's algorithm on labelled cases.", description = {
    "Accuracy of our router and of the seed's algorithm on labelled cases: per-specialist precision and recall,",
    "the confusion matrix, the misses; the last line is 'accuracy 0.XXX (HITS/TOTAL)'."})
final class EvalCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    HelpOption help;

    @Option(names = "--json", description = "print the report as one JSON object")
    boolean json;

    @Option(names = "--learn", description = "replay as a team lives it: route each case, and correct each miss before the next")
    boolean learn;

    @Option(names = "--shuffle", paramLabel = "SEED", description = "with --learn: replay in a repeatable random order")
    Long shuffle;

    @Parameters(paramLabel = "FILE.jsonl", description = "one case a line: {\"text\": ..., \"label\": ..., \"also\": [...]}")
    Path file;

    private final CommandContext context;

    EvalCommand(CommandContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        if (shuffle != null && !learn) {
            throw new ParameterException(spec.commandLine(), "--shuffle orders a replay: use it with --learn");
        }
        KnowledgeFiles files = context.knowledgeFiles();
        SpecialistCatalog catalog = files.catalog();
        List<EvalCase> cases = readCases(catalog);
        if (shuffle != null) {
            cases = LearningReplay.shuffled(cases, shuffle);
        }
        SeedBaselineRouter seed = new SeedBaselineRouter(files.knowledge());
        if (learn) {
            List<EvalCase> replayed = cases;
            List<Boolean> seedHits = replayed.stream().map(c -> c.accepts(seed.route(c.text()).specialist())).toList();
            List<LearningReplay.Step> cold = LearningReplay.run(context.settings(), replayed, false);
            List<LearningReplay.Step> learning = LearningReplay.run(context.settings(), replayed, true);
            context.out().println(json ? ReplayReport.json(file.toString(), shuffle != null, seedHits, cold, learning).toPrettyString()
                    : TerminalText.visible(ReplayReport.text(file.toString(), shuffle != null, seedHits, cold, learning)));
            return 0;
        }
        List<String> ids = catalog.specialists().stream().map(Specialist::id).toList();
        Evaluation.Result ours = Evaluation.run("ours", KnowledgeLoader.buildRouter(files, CorrectionMemory.none()), cases, ids);
        Evaluation.Result baseline = Evaluation.run("seed-baseline", seed, cases, ids);
        context.out().println(json ? EvalReport.json(ours, baseline).toPrettyString() : TerminalText.visible(EvalReport.text(ours, baseline)));
        return 0;
    }

    private List<EvalCase> readCases(SpecialistCatalog catalog) {
        List<EvalCase> cases;
        try {
            cases = EvalCases.read(file, catalog);
        } catch (TextFile.Unreadable e) {
            throw CommandFailure.badUsage("cannot read " + e.file() + ": " + e.reason());
        } catch (IllegalArgumentException e) {
            throw CommandFailure.badUsage(e.getMessage());
        }
        if (cases.isEmpty()) {
            throw CommandFailure.badUsage(file + " has no cases: write one JSON object a line, e.g."
                    + " {\"text\": \"Fix JWT token expiration\", \"label\": \"auth-system-architect\"}");
        }
        return cases;
    }
}

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
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code ./dispatcher eval FILE.jsonl [--learn [--shuffle SEED]]}: accuracy of our router and of the seed's algorithm on
 * labelled cases, cold or replayed as a team lives them (route; correct each miss before the next request).
 */
@Command(name = "eval", header = "Accuracy of our router and of the seed's algorithm on labelled cases.", description = {
    "Accuracy of our router and of the seed's algorithm on labelled cases: per-specialist precision and recall,",
    "the confusion matrix, the misses, a reliability table of the confidence shown; the last line is",
    "'accuracy 0.XXX (HITS/TOTAL)'. With --learn, the file is replayed as a team lives it, through the real",
    "learning path on a throw-away store: each request is routed and, when missed, corrected to its label before",
    "the next; printed beside the same replay without learning and the seed baseline."})
final class EvalCommand implements Callable<Integer> {

    @Mixin
    HelpOption help;

    @Option(names = "--json", description = "print the report as one JSON object")
    boolean json;

    @Option(names = "--learn", description = "replay the file in order, correcting each miss before the next request")
    boolean learn;

    @Option(names = "--shuffle", paramLabel = "SEED", description = "with --learn: replay in a repeatable random order")
    Long shuffle;

    @Parameters(paramLabel = "FILE.jsonl",
            description = "one case a line: {\"text\": ..., \"label\": ..., \"also\": [...], \"kind\": ...}")
    Path file;

    private final CommandContext context;

    EvalCommand(CommandContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        if (shuffle != null && !learn) {
            throw CommandFailure.badUsage("--shuffle orders a replay: use it with --learn");
        }
        KnowledgeFiles files = context.knowledgeFiles();
        SpecialistCatalog catalog = files.catalog();
        List<EvalCase> cases = readCases(catalog);
        if (learn) {
            return replay(files, shuffle == null ? cases : LearningReplay.shuffled(cases, shuffle));
        }
        List<String> ids = catalog.specialists().stream().map(Specialist::id).toList();
        Evaluation.Result ours = Evaluation.run("ours", KnowledgeLoader.buildRouter(files, CorrectionMemory.none()), cases, ids);
        Evaluation.Result baseline = Evaluation.run("seed-baseline", new SeedBaselineRouter(files.knowledge()), cases, ids);
        context.out().println(json ? EvalReport.json(ours, baseline).toPrettyString() : TerminalText.visible(EvalReport.text(ours, baseline)));
        return 0;
    }

    private int replay(KnowledgeFiles files, List<EvalCase> cases) {
        SeedBaselineRouter seed = new SeedBaselineRouter(files.knowledge());
        List<Boolean> seedHits = cases.stream().map(c -> c.accepts(seed.route(c.text()).specialist())).toList();
        List<LearningReplay.Step> cold = LearningReplay.run(context.settings(), cases, false);
        List<LearningReplay.Step> learning = LearningReplay.run(context.settings(), cases, true);
        String name = file.toString();
        context.out().println(json ? ReplayReport.json(name, shuffle != null, seedHits, cold, learning).toPrettyString()
                : TerminalText.visible(ReplayReport.text(name, shuffle != null, seedHits, cold, learning)));
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

package dev.dispatcher.cli;

import dev.dispatcher.app.CoreSettings;
import dev.dispatcher.eval.EvalCase;
import dev.dispatcher.eval.EvalCases;
import dev.dispatcher.eval.EvalReport;
import dev.dispatcher.eval.Evaluation;
import dev.dispatcher.eval.LearningReplay;
import dev.dispatcher.eval.ReplayReport;
import dev.dispatcher.knowledge.KnowledgeBase;
import dev.dispatcher.routing.CorrectionMemory;
import dev.dispatcher.routing.SeedBaselineRouter;
import dev.dispatcher.routing.Specialist;
import dev.dispatcher.routing.SpecialistCatalog;
import dev.dispatcher.routing.TextAnalyzer;
import dev.dispatcher.routing.WeightedRouter;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code ./dispatcher eval FILE [--json] [--learn [--shuffle SEED]]}: accuracy on labelled requests, cold or replayed as
 * a team lives them (route, and correct each miss before the next request), always beside the seed baseline.
 */
final class EvalCommand {

    private final CoreSettings settings;
    private final PrintStream out;

    EvalCommand(CoreSettings settings, PrintStream out) {
        this.settings = settings;
        this.out = out;
    }

    /**
     * @param file    the labelled requests (JSON lines)
     * @param json    print one JSON object instead of text
     * @param learn   replay with corrections instead of a cold evaluation
     * @param shuffle seed for a repeatable random order of the replay, or {@code null} for file order
     */
    int run(Path file, boolean json, boolean learn, Long shuffle) throws IOException {
        SpecialistCatalog catalog = SpecialistCatalog.load(settings.knowledgeDir().resolve("routing.yaml"));
        KnowledgeBase knowledge = new KnowledgeBase(settings.knowledgeDir(), catalog, settings.knowledgeUrl());
        List<EvalCase> cases = EvalCases.read(file, catalog);
        if (shuffle != null) {
            cases = LearningReplay.shuffled(cases, shuffle);
        }
        SeedBaselineRouter seed = new SeedBaselineRouter(knowledge);
        if (learn) {
            List<Boolean> seedHits = cases.stream().map(c -> c.accepts(seed.route(c.text()).specialist())).toList();
            List<LearningReplay.Step> cold = LearningReplay.run(settings, cases, false);
            List<LearningReplay.Step> learning = LearningReplay.run(settings, cases, true);
            out.println(json ? ReplayReport.json(file.toString(), shuffle != null, seedHits, cold, learning).toPrettyString()
                    : ReplayReport.text(file.toString(), shuffle != null, seedHits, cold, learning));
            return 0;
        }
        List<String> ids = catalog.specialists().stream().map(Specialist::id).toList();
        Evaluation.Result ours = Evaluation.run("ours", new WeightedRouter(catalog, knowledge,
                TextAnalyzer.forRouting(catalog.settings()), CorrectionMemory.none()), cases, ids);
        Evaluation.Result baseline = Evaluation.run("seed-baseline", seed, cases, ids);
        out.println(json ? EvalReport.json(ours, baseline).toPrettyString() : EvalReport.text(ours, baseline));
        return 0;
    }
}

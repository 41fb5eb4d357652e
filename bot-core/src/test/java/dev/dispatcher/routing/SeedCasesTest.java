package dev.dispatcher.routing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dispatcher.eval.EvalCases;
import dev.dispatcher.eval.Evaluation;
import dev.dispatcher.testkit.Repository;
import dev.dispatcher.testkit.Routing;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Our router on labelled requests")
class SeedCasesTest {

    private final Routing routing = Routing.withRepositoryConfig();

    private Evaluation.Result evaluate(String file, Router router) throws IOException {
        List<String> ids = routing.catalog().specialists().stream().map(Specialist::id).toList();
        return Evaluation.run(file, router, EvalCases.read(Repository.root().resolve(file), routing.catalog()), ids);
    }

    @Test
    @DisplayName("routes at least 95% of the seed's own examples right")
    void seedCases() throws IOException {
        Evaluation.Result result = evaluate("eval/seed-cases.jsonl", routing.router());
        assertThat(result.accuracy()).as("misses: %s", result.misses()).isGreaterThanOrEqualTo(0.95);
    }

    @Test
    @DisplayName("beats the seed baseline by a wide margin on requests it was neither written nor tuned for")
    void untouchedTestCases() throws IOException {
        Evaluation.Result ours = evaluate("eval/test-cases.jsonl", routing.router());
        Evaluation.Result baseline = evaluate("eval/test-cases.jsonl", new SeedBaselineRouter(routing.knowledge()));
        assertThat(ours.accuracy()).isGreaterThanOrEqualTo(0.80).isGreaterThan(baseline.accuracy() + 0.2);
    }
}

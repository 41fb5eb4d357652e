package dev.dispatcher.routing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dispatcher.eval.EvalCases;
import dev.dispatcher.eval.Evaluation;
import dev.dispatcher.testkit.Repository;
import dev.dispatcher.testkit.Routing;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

@DisplayName("The seed baseline router reproduces the seed's route_task exactly")
class SeedBaselineRouterTest {

    @ParameterizedTest(name = "\"{0}\" → {1}")
    @CsvSource(delimiter = '|', textBlock = """
            Fix JWT token expiration problems            | auth-system-architect
            Create new user model relationships          | database-architect
            Add REST endpoint for user search            | api-endpoints-architect
            Server crashes with 500 error on startup     | troubleshooting-architect
            Help me understand the backend               | backend-overview-architect
            What's the best frontend framework?          | backend-overview-architect
            Explain backend architecture                 | services-architect
            Add new table for user sessions              | auth-system-architect
            Fix authentication database connection error | auth-system-architect
            Implement pagination                         | backend-overview-architect
            Tune postgres settings                       | api-endpoints-architect
            """)
    @DisplayName("including its substring mistakes")
    void reproducesSeedAnswers(String task, String expected) {
        assertThat(SeedBaselineRouter.routeTask(task)).isEqualTo(expected);
        assertThat(new SeedBaselineRouter(Routing.withRepositoryConfig().knowledge()).route(task).specialist()).isEqualTo(expected);
    }

    @Test
    @DisplayName("scores 0.81 on the seed's own examples, now that they name the conventions' acceptable alternatives")
    void scoresSeventyThreePercent() throws IOException {
        Routing routing = Routing.withRepositoryConfig();
        Path cases = Repository.root().resolve("eval/seed-cases.jsonl");
        var result = Evaluation.run("seed", new SeedBaselineRouter(routing.knowledge()),
                EvalCases.read(cases, routing.catalog()), routing.catalog().specialists().stream().map(Specialist::id).toList());
        // 35 under the seed's own labels (0.73, as the first issue measured); the labels now accept troubleshooting for a
        // failure inside one domain, which the seed's error keywords often pick.
        assertThat(result.hits()).isEqualTo(39);
        assertThat(result.total()).isEqualTo(48);
    }
}

package dev.dispatcher.eval;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dispatcher.app.CoreSettings;
import dev.dispatcher.routing.SpecialistCatalog;
import dev.dispatcher.testkit.Cores;
import dev.dispatcher.testkit.KnowledgeCopy;
import dev.dispatcher.testkit.Repository;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A team that follows another convention teaches it in a handful of corrections: replayed as the team lives it
 * ({@code eval --learn}, the real learning path on a throw-away store), the issue titles relabelled under the other
 * convention in one respect are followed for at least 90% of the remaining requests of that kind after at most ten
 * corrections of it, and the other requests lose at most one point of accuracy. Both ways: from the default
 * conventions to the other, and, with routing.yaml swapped, from the other back to the default.
 */
@DisplayName("A convention shift is learnt in a handful of corrections")
class ConventionShiftTest {

    @TempDir
    Path folder;

    @ParameterizedTest(name = "{0}: {1} with routing.yaml as shipped")
    @CsvSource({
        "domain-failure, titles-failures-to-troubleshooting.jsonl",
        "user-data,      titles-user-data-to-api.jsonl",
        "access-control, titles-access-to-auth.jsonl"})
    @DisplayName("from the default conventions to the other")
    void fromDefault(String kind, String file) throws IOException {
        assertShiftLearnt(kind, file, Cores.environment(folder));
    }

    @ParameterizedTest(name = "{0}: {1} with the convention swapped in routing.yaml")
    @CsvSource({
        "domain-failure, titles-failures-to-owner.jsonl",
        "user-data,      titles-user-data-to-user-management.jsonl",
        "access-control, titles-access-to-user-management.jsonl"})
    @DisplayName("from the other convention back to the default")
    void backToDefault(String kind, String file) throws IOException {
        Map<String, String> env = Cores.environment(folder);
        env.put("DISPATCHER_KB_DIR", KnowledgeCopy.in(folder).swapConvention(kind).root().toString());
        assertShiftLearnt(kind, file, env);
    }

    private static void assertShiftLearnt(String kind, String file, Map<String, String> env) throws IOException {
        CoreSettings settings = CoreSettings.fromEnvironment(env);
        SpecialistCatalog catalog = SpecialistCatalog.load(settings.knowledgeDir().resolve("routing.yaml"));
        List<EvalCase> cases = EvalCases.read(Repository.root().resolve("eval/shifts").resolve(file), catalog);

        LearningReplay.Result replay = LearningReplay.run(settings, cases);

        ReplayReport.Kind shifted = ReplayReport.kinds(replay.learning(), replay.cold()).stream()
                .filter(k -> k.kind().equals(kind)).findFirst().orElseThrow();
        long coldMisses = replay.cold().stream().filter(s -> kind.equals(s.evalCase().kind()) && !s.hit()).count();
        assertThat(coldMisses).as("%s requests the router, as trained, routes the other way", kind)
                .isGreaterThanOrEqualTo(shifted.requests() / 2);
        assertThat(shifted.followAfterHandful()).as("share of %s requests routed the team's way after its %d corrections",
                kind, Math.min(ReplayReport.HANDFUL, shifted.corrections())).isGreaterThanOrEqualTo(0.90);
        assertThat(shifted.othersLearning()).as("accuracy on the other requests, learning against cold")
                .isGreaterThanOrEqualTo(shifted.othersCold() - 0.01);
    }
}

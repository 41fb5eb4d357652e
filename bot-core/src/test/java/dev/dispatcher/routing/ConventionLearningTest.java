package dev.dispatcher.routing;

import dev.dispatcher.knowledge.KnowledgeBase;
import dev.dispatcher.knowledge.SectionIndex;
import dev.dispatcher.testkit.Repository;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import static org.assertj.core.api.Assertions.assertThat;

/** How a correction teaches a kind, and how the kind of a task is told, on the shipped configuration. */
@DisplayName("Learning a convention")
class ConventionLearningTest {

    private static SpecialistCatalog catalog;
    private static KnowledgeBase knowledge;

    @BeforeAll
    static void load() {
        catalog = SpecialistCatalog.load(Repository.knowledgebase().resolve("routing.yaml"));
        knowledge = new KnowledgeBase(Repository.knowledgebase(), catalog, null);
    }

    @Nested
    @DisplayName("a correction")
    class Corrections {

        private static final String AUTH = "auth-system-architect";
        private static final String API = "api-endpoints-architect";
        private static final String TROUBLESHOOTING = "troubleshooting-architect";

        @Test
        @DisplayName("to neither the owner nor the alternative of a kind leaves that kind's roles as they were")
        void outsideTheKindsPairMovesNotItsRoles() {
            // Taken for a failure in the auth domain (0.8) and a little for user data (0.3); corrected to the API
            // specialist, the alternative of user data but neither owner nor alternative of an auth failure.
            ModelFeatures features = features(AUTH, 0.8, 0.3);
            LinearModel model = freshModel();
            double[] before = model.roleWeights();

            assertThat(model.correct(features, index(API), 1.0, corrections())).isTrue();

            double[] after = model.roleWeights();
            int failure = 2 * catalog.conventions().indexOf("domain-failure");
            int userData = 2 * catalog.conventions().indexOf("user-data");
            assertThat(after[failure]).as("domain-failure owner").isEqualTo(before[failure]);
            assertThat(after[failure + 1]).as("domain-failure alternative").isEqualTo(before[failure + 1]);
            assertThat(after[userData + 1]).as("user-data alternative").isGreaterThan(before[userData + 1]);
        }

        @Test
        @DisplayName("to a kind's alternative moves that kind's roles towards it")
        void toTheAlternativeTurnsTheKind() {
            ModelFeatures features = features(AUTH, 0.8, 0.0);
            LinearModel model = freshModel();
            double[] before = model.roleWeights();

            assertThat(model.correct(features, index(TROUBLESHOOTING), 1.0, corrections())).isTrue();

            int failure = 2 * catalog.conventions().indexOf("domain-failure");
            assertThat(model.roleWeights()[failure]).as("owner").isLessThan(before[failure]);
            assertThat(model.roleWeights()[failure + 1]).as("alternative").isGreaterThan(before[failure + 1]);
        }

        /** A task with keyword evidence for {@code domain} only, of the two kinds with these probabilities. */
        private ModelFeatures features(String domain, double failure, double userData) {
            int n = catalog.specialists().size();
            double[][] evidence = new double[TaskAnalysis.EvidenceKind.values().length][n];
            evidence[TaskAnalysis.EvidenceKind.KEYWORDS.ordinal()][index(domain)] = 3;
            double[] kinds = new double[catalog.conventions().size()];
            kinds[catalog.conventions().indexOf("domain-failure")] = failure;
            kinds[catalog.conventions().indexOf("user-data")] = userData;
            List<List<String>> keywords = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                keywords.add(List.of());
            }
            TaskAnalysis analysis = new TaskAnalysis("task", false, List.of("task"), List.of("task"), keywords, evidence,
                    Map.of(), kinds, index(domain), false);
            return ModelFeatures.of(analysis, catalog.conventions(), catalog.specialists(), new ModelFeatures.Keys());
        }

        private LinearModel freshModel() {
            return ModelTraining.prior(catalog.specialists().size(), catalog.conventions()).copy();
        }

        private LinearModel.LearningRates corrections() {
            return new LinearModel.LearningRates(0, 1, 0.1, 0, 1);
        }

        private int index(String id) {
            return catalog.specialists().stream().map(Specialist::id).toList().indexOf(id);
        }
    }

    @Nested
    @DisplayName("the failure signal")
    class FailureSignal {

        private EvidenceScorer scorer;

        private List<String> signals(String task) {
            if (scorer == null) {
                TextAnalyzer analyzer = TextAnalyzer.forRouting(catalog.settings());
                scorer = new EvidenceScorer(catalog.specialists(), catalog.settings(), analyzer,
                        new KeywordMatcher(catalog.specialists(), analyzer), new SectionIndex(knowledge.sections(), analyzer),
                        new ExampleEvidence(List.of(), KindClassifier.Vocabulary.of(List.of()), 0.5, catalog.conventions(), 1.0));
            }
            return scorer.prepare(task).signals();
        }

        @Test
        @DisplayName("reads an error the task reports as a failure")
        void reportedError() {
            assertThat(signals("The coupon endpoint gives an error for unknown codes")).contains("failure");
        }

        @Test
        @DisplayName("does not read an error the task asks for as one: another specialist's phrase owns the word")
        void requestedError() {
            assertThat(signals("Coupon endpoint: a clear error for unknown codes")).contains("no-failure")
                    .doesNotContain("failure", "symptom");
        }
    }
}

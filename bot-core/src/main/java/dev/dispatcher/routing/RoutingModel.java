package dev.dispatcher.routing;

import dev.dispatcher.eval.EvalCase;
import dev.dispatcher.knowledge.KnowledgeBase;
import dev.dispatcher.knowledge.SectionIndex;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Routing as trained at start-up: the evidence (keywords, knowledge base, labelled examples), the team's conventions,
 * the linear model trained on the examples, and the temperature that turns its scores into calibrated confidence.
 * A team's corrections then move a copy of the model ({@link #teamModel()}, {@link #teach}). Immutable and
 * thread-safe.
 */
public final class RoutingModel {

    /**
     * How corrections move a team's model: the convention roles, which a whole kind of request shares, take most of
     * each step; the words, keywords and sections of the corrected task a little, so its neighbours lean too; how much
     * each kind of evidence counts, and the specialists' bias, not at all, so a lesson about one kind of request never
     * moves requests of other kinds. Chosen with {@code eval --learn} on the convention-shift sets (see README).
     */
    public static final LinearModel.LearningRates CORRECTIONS = new LinearModel.LearningRates(0, 1.0, 0.03, 0, 5.0);

    /** With no examples to measure doubt on, a runner-up this likely is named under "also consider". */
    static final double WITHOUT_EXAMPLES_ALSO_CONSIDER = 0.2;
    /** Held-out examples the failure-across-domains rule fired on needed to fit their own temperature. */
    static final int OWN_TEMPERATURE_EXAMPLES = 30;

    private final SpecialistCatalog catalog;
    private final KnowledgeBase knowledge;
    private final List<Specialist> specialists;
    private final Conventions conventions;
    private final EvidenceScorer scorer;
    private final LinearModel trained;
    private final double temperature;
    /** The temperature of tasks the failure-across-domains rule gave its bonus (see {@link #temperature(TaskAnalysis)}). */
    private final double crossDomainTemperature;
    private final TopConfidence topConfidence;
    private final double alsoConsider;
    private final ModelFeatures.Keys keys;

    private RoutingModel(SpecialistCatalog catalog, KnowledgeBase knowledge, EvidenceScorer scorer, LinearModel trained,
                         double temperature, double crossDomainTemperature, TopConfidence topConfidence,
                         double alsoConsider, ModelFeatures.Keys keys) {
        this.catalog = catalog;
        this.knowledge = knowledge;
        this.specialists = catalog.specialists();
        this.conventions = catalog.conventions();
        this.scorer = scorer;
        this.trained = trained;
        this.temperature = temperature;
        this.crossDomainTemperature = crossDomainTemperature;
        this.topConfidence = topConfidence;
        this.alsoConsider = alsoConsider;
        this.keys = keys;
    }

    /** Builds the evidence and trains the model on the knowledge base's labelled examples. */
    public static RoutingModel train(SpecialistCatalog catalog, KnowledgeBase knowledge, TextAnalyzer analyzer) {
        List<Specialist> specialists = catalog.specialists();
        Conventions conventions = catalog.conventions();
        RoutingSettings settings = catalog.settings();
        KeywordMatcher keywords = new KeywordMatcher(specialists, analyzer);
        SectionIndex sections = new SectionIndex(knowledge.sections(), analyzer);
        KindClassifier.Vocabulary none = KindClassifier.Vocabulary.of(List.of());
        EvidenceScorer bare = new EvidenceScorer(specialists, settings, analyzer, keywords, sections,
                new ExampleEvidence(List.of(), none, settings.labelledExampleMinSimilarity(), conventions, 1.0));
        List<EvidenceScorer.Prepared> prepared = knowledge.examples().parallelStream()
                .map(e -> bare.prepare(e.text())).toList();
        KindClassifier.Vocabulary vocabulary = KindClassifier.Vocabulary.of(prepared.stream()
                .map(p -> KindClassifier.features(p.contentTerms(), p.signals())).toList());
        List<ExampleEvidence.AnalysedExample> examples = new ArrayList<>();
        for (int i = 0; i < prepared.size(); i++) {
            EvalCase example = knowledge.examples().get(i);
            EvidenceScorer.Prepared p = prepared.get(i);
            examples.add(new ExampleEvidence.AnalysedExample(example.text(), p.contentTerms(), p.signals(),
                    vocabulary.numbers(KindClassifier.features(p.contentTerms(), p.signals())),
                    conventions.labelFor(example.kind(), example.label()), example.kind()));
        }
        double kindTemperature = ExampleEvidence.fitKindTemperature(examples, vocabulary, conventions);
        EvidenceScorer scorer = bare.withExamples(new ExampleEvidence(examples, vocabulary,
                settings.labelledExampleMinSimilarity(), conventions, kindTemperature));
        LinearModel prior = ModelTraining.prior(specialists.size(), conventions);
        ModelFeatures.Keys keys = new ModelFeatures.Keys();
        if (examples.isEmpty()) {
            vocabularyComplete(scorer, keys);
            return new RoutingModel(catalog, knowledge, scorer, prior, 1.0, 1.0, TopConfidence.NONE,
                    WITHOUT_EXAMPLES_ALSO_CONSIDER, keys);
        }
        // Every specialist's examples weigh the same in training, however many were written for it.
        java.util.Map<String, Integer> perLabel = new java.util.HashMap<>();
        examples.forEach(e -> perLabel.merge(e.label(), 1, Integer::sum));
        double average = examples.size() / (double) perLabel.size();
        // Each example scored by evidence from the other folds, so no example votes for itself. The folds are
        // independent, so they are scored (and below, trained) in parallel: start-up is mostly this.
        List<List<ModelTraining.Scored>> folds = IntStream.range(0, ModelTraining.FOLDS).parallel()
                .mapToObj(f -> scoreFold(f, examples, bare, vocabulary, settings, conventions, kindTemperature,
                        specialists, perLabel, average, keys))
                .toList();
        List<ModelTraining.Scored> all = folds.stream().flatMap(List::stream).toList();
        LinearModel trained = ModelTraining.train(all, prior);
        // Held-out scores for the temperature: a model trained without each fold scores that fold.
        List<LinearModel> foldModels = IntStream.range(0, ModelTraining.FOLDS).parallel()
                .mapToObj(f -> ModelTraining.train(IntStream.range(0, ModelTraining.FOLDS).filter(g -> g != f)
                        .mapToObj(folds::get).flatMap(List::stream).toList(), prior))
                .toList();
        List<double[]> heldOut = new ArrayList<>();
        List<Integer> labels = new ArrayList<>();
        List<Boolean> crossDomain = new ArrayList<>();
        for (int f = 0; f < ModelTraining.FOLDS; f++) {
            for (ModelTraining.Scored s : folds.get(f)) {
                heldOut.add(foldModels.get(f).scores(s.features()));
                labels.add(s.label());
                crossDomain.add(s.features().crossDomain());
            }
        }
        double temperature = ModelTraining.fitTemperature(heldOut, labels);
        double crossDomainTemperature = crossDomainTemperature(heldOut, labels, crossDomain, temperature);
        List<double[]> probabilities = new ArrayList<>(heldOut.size());
        for (int i = 0; i < heldOut.size(); i++) {
            probabilities.add(ModelTraining.softmax(heldOut.get(i), crossDomain.get(i) ? crossDomainTemperature : temperature));
        }
        TopConfidence topConfidence = TopConfidence.fit(probabilities, labels);
        vocabularyComplete(scorer, keys);
        return new RoutingModel(catalog, knowledge, scorer, trained, temperature, crossDomainTemperature, topConfidence,
                alsoConsiderThreshold(probabilities.stream().map(topConfidence::apply).toList(),
                        settings.alsoConsiderShare()), keys);
    }

    /**
     * The temperature fitted on the held-out examples the failure-across-domains rule fired on, or {@code otherwise}
     * when fewer than {@value #OWN_TEMPERATURE_EXAMPLES} of them say too little.
     */
    private static double crossDomainTemperature(List<double[]> heldOut, List<Integer> labels, List<Boolean> fired,
                                                 double otherwise) {
        List<double[]> scores = new ArrayList<>();
        List<Integer> theirLabels = new ArrayList<>();
        for (int i = 0; i < heldOut.size(); i++) {
            if (fired.get(i)) {
                scores.add(heldOut.get(i));
                theirLabels.add(labels.get(i));
            }
        }
        return scores.size() >= OWN_TEMPERATURE_EXAMPLES ? ModelTraining.fitTemperature(scores, theirLabels) : otherwise;
    }

    /**
     * Training has analysed everything the indexes and the model are built from: from now on only tasks and corrections
     * bring new words, which are not kept as shared instances (see {@link SharedStrings}).
     */
    private static void vocabularyComplete(EvidenceScorer scorer, ModelFeatures.Keys keys) {
        scorer.vocabularyComplete();
        keys.close();
    }

    /** Scores fold {@code f}'s examples with evidence from the other folds' examples only. */
    private static List<ModelTraining.Scored> scoreFold(int f, List<ExampleEvidence.AnalysedExample> examples,
            EvidenceScorer bare, KindClassifier.Vocabulary vocabulary, RoutingSettings settings, Conventions conventions,
            double kindTemperature, List<Specialist> specialists, java.util.Map<String, Integer> perLabel, double average,
            ModelFeatures.Keys keys) {
        List<ExampleEvidence.AnalysedExample> others = new ArrayList<>();
        for (int i = 0; i < examples.size(); i++) {
            if (ModelTraining.foldOf(i) != f) {
                others.add(examples.get(i));
            }
        }
        EvidenceScorer foldScorer = bare.withExamples(
                new ExampleEvidence(others, vocabulary, settings.labelledExampleMinSimilarity(), conventions, kindTemperature));
        List<ModelTraining.Scored> scored = new ArrayList<>();
        for (int i = 0; i < examples.size(); i++) {
            if (ModelTraining.foldOf(i) == f) {
                ExampleEvidence.AnalysedExample e = examples.get(i);
                ModelFeatures features = ModelFeatures.of(foldScorer.analyse(e.text()), conventions, specialists, keys);
                scored.add(new ModelTraining.Scored(features, indexOf(specialists, e.label()),
                        average / perLabel.get(e.label())));
            }
        }
        return scored;
    }

    /**
     * The probability a runner-up needs to be named under "also consider", chosen on held-out examples so that about
     * {@code share} of replies name one: the closest calls, wherever the model's doubt actually lies, rather than a
     * fixed margin that names too many runners-up for one team's requests and too few for another's.
     */
    static double alsoConsiderThreshold(List<double[]> heldOut, double share) {
        double[] runnersUp = new double[heldOut.size()];
        for (int i = 0; i < runnersUp.length; i++) {
            double[] p = heldOut.get(i);
            double first = 0;
            double second = 0;
            for (double v : p) {
                if (v > first) {
                    second = first;
                    first = v;
                } else if (v > second) {
                    second = v;
                }
            }
            runnersUp[i] = second;
        }
        java.util.Arrays.sort(runnersUp);
        int at = (int) Math.floor((1 - share) * runnersUp.length);
        return runnersUp.length == 0 ? 0.5 : runnersUp[Math.min(runnersUp.length - 1, Math.max(0, at))];
    }

    /** The probability a runner-up needs to be named under "also consider" (see {@link #alsoConsiderThreshold}). */
    public double alsoConsider() {
        return alsoConsider;
    }

    /** Everything the evidence says about a task. */
    public TaskAnalysis analyse(String task) {
        return scorer.analyse(task);
    }

    /** A fresh copy of the trained model for a team's corrections to move. */
    public LinearModel teamModel() {
        return trained.copy();
    }

    /**
     * Teaches a team's model that an analysed task belongs to a specialist.
     *
     * @param weight how much this correction counts, 0 to 1
     * @return whether the model changed
     */
    public boolean teach(LinearModel team, TaskAnalysis task, String specialistId, double weight) {
        int right = indexOf(specialists, specialistId);
        return right >= 0 && team.correct(features(task), right, weight, CORRECTIONS);
    }

    /** What the model reads of an analysed task; worth keeping when it is scored by more than one model. */
    ModelFeatures features(TaskAnalysis task) {
        return ModelFeatures.of(task, conventions, specialists, keys);
    }

    /** Scores with the team's model, or with the model as trained when {@code model} is {@code null}. */
    double[] scores(ModelFeatures features, LinearModel model) {
        return (model == null ? trained : model).scores(features);
    }

    LinearModel trained() {
        return trained;
    }

    /** The calibration temperature fitted on held-out examples. */
    public double temperature() {
        return temperature;
    }

    /**
     * The temperature that calibrates a task's confidence. The seed's failure-across-domains rule adds a fixed bonus
     * (the examples must not learn it away), so where it fires the scores are further apart than the evidence
     * warrants: on held-out examples it was right 78 % of the time at a mean confidence of 0.87, against 91 % at 0.90
     * elsewhere. Those tasks get a temperature of their own, fitted on the held-out examples where it fired (when there
     * are {@value #OWN_TEMPERATURE_EXAMPLES} or more). The winner never changes; only how sure the reply says it is.
     */
    public double temperature(TaskAnalysis analysis) {
        return analysis.crossDomain() ? crossDomainTemperature : temperature;
    }

    /**
     * The probability of each specialist for a task's scores: a softmax at the task's {@link #temperature(TaskAnalysis)
     * temperature}, the winner then rescaled as held-out examples say ({@link TopConfidence}).
     */
    double[] probabilities(double[] scores, TaskAnalysis analysis) {
        return topConfidence.apply(ModelTraining.softmax(scores, temperature(analysis)));
    }

    SpecialistCatalog catalog() {
        return catalog;
    }

    KnowledgeBase knowledge() {
        return knowledge;
    }

    EvidenceScorer scorer() {
        return scorer;
    }

    static int indexOf(List<Specialist> specialists, String id) {
        for (int i = 0; i < specialists.size(); i++) {
            if (specialists.get(i).id().equals(id)) {
                return i;
            }
        }
        return -1;
    }
}

package dev.dispatcher.knowledge;

import dev.dispatcher.routing.TextAnalyzer;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * BM25 over the knowledge base's sections: how well a task's words match each specialist's documentation, and which
 * section matches best. Headings count twice, as they name what a section is about.
 *
 * <p>The collection is a few dozen sections, so a hand-rolled inverted index scores a task in microseconds, with
 * Lucene's analysis providing the terms. Immutable and thread-safe.
 */
public final class SectionIndex {

    private static final double K1 = 1.2;
    private static final double B = 0.75;

    /** A term's sections and, for each, the term's BM25 weight in it (fixed once the index is built). */
    private record Posting(int[] sections, double[] weights) {}

    private final List<Section> sections;
    private final Map<String, Posting> postings = new HashMap<>();

    public SectionIndex(List<Section> sections, TextAnalyzer analyzer) {
        this.sections = List.copyOf(sections);
        int[] lengths = new int[sections.size()];
        long total = 0;
        Map<String, List<int[]>> frequencies = new HashMap<>();
        for (int i = 0; i < sections.size(); i++) {
            Section s = sections.get(i);
            List<String> terms = new java.util.ArrayList<>(analyzer.contentTerms(s.body()));
            terms.addAll(analyzer.contentTerms(s.heading()));
            Map<String, Integer> tf = new HashMap<>();
            terms.forEach(t -> tf.merge(t, 1, Integer::sum));
            for (Map.Entry<String, Integer> e : tf.entrySet()) {
                frequencies.computeIfAbsent(e.getKey(), k -> new java.util.ArrayList<>()).add(new int[] {i, e.getValue()});
            }
            lengths[i] = terms.size();
            total += terms.size();
        }
        double averageLength = sections.isEmpty() ? 1 : (double) total / sections.size();
        int n = sections.size();
        frequencies.forEach((term, list) -> {
            double idf = Math.log(1 + (n - list.size() + 0.5) / (list.size() + 0.5));
            int[] ids = new int[list.size()];
            double[] weights = new double[list.size()];
            for (int k = 0; k < ids.length; k++) {
                int section = list.get(k)[0];
                int frequency = list.get(k)[1];
                double norm = K1 * (1 - B + B * lengths[section] / averageLength);
                ids[k] = section;
                weights[k] = idf * frequency * (K1 + 1) / (frequency + norm);
            }
            postings.put(term, new Posting(ids, weights));
        });
    }

    /**
     * Scores the sections against the task's content terms.
     *
     * @param contentTerms analysed task terms, stop words removed; repeats are ignored
     * @return the best section and its score per specialist
     */
    public Map<String, Match> bestPerSpecialist(List<String> contentTerms) {
        double[] scores = scores(contentTerms);
        int n = sections.size();
        Map<String, Match> best = new HashMap<>();
        for (int i = 0; i < n; i++) {
            if (scores[i] <= 0) {
                continue;
            }
            Section s = sections.get(i);
            Match current = best.get(s.specialistId());
            if (current == null || scores[i] > current.score()) {
                best.put(s.specialistId(), new Match(s, scores[i]));
            }
        }
        return best;
    }

    /**
     * Every section that shares a term with the task, best first: what a knowledge-base answer quotes.
     *
     * @param contentTerms analysed task terms, stop words removed; repeats are ignored
     */
    public List<Match> ranked(List<String> contentTerms) {
        double[] scores = scores(contentTerms);
        List<Match> matches = new java.util.ArrayList<>();
        for (int i = 0; i < scores.length; i++) {
            if (scores[i] > 0) {
                matches.add(new Match(sections.get(i), scores[i]));
            }
        }
        matches.sort(java.util.Comparator.comparingDouble(Match::score).reversed());
        return matches;
    }

    private double[] scores(List<String> contentTerms) {
        double[] scores = new double[sections.size()];
        Set<String> distinct = new LinkedHashSet<>(contentTerms);
        for (String term : distinct) {
            Posting posting = postings.get(term);
            if (posting == null) {
                continue;
            }
            int[] ids = posting.sections();
            double[] weights = posting.weights();
            for (int k = 0; k < ids.length; k++) {
                scores[ids[k]] += weights[k];
            }
        }
        return scores;
    }

    /** A section and its BM25 score for one task. */
    public record Match(Section section, double score) {}
}

package dev.dispatcher.routing;

import dev.dispatcher.knowledge.SectionIndex;
import java.util.List;
import java.util.Map;

/**
 * Everything the evidence says about one task, before any learning weighs it: the analysed terms, the configured
 * keywords found, and per specialist (indexed like {@link SpecialistCatalog#specialists()}) what each kind of
 * evidence scores; plus how likely the task is to be of each kind a team convention is about, and which domain it
 * names. The router and the learned model read it; nothing here changes once built.
 *
 * @param routedText        the part of the task that was routed (the first {@code maxTaskChars} characters)
 * @param truncated         whether the task was longer than that
 * @param terms             every analysed term, in order
 * @param contentTerms      the analysed terms without stop words
 * @param keywords          configured keywords, phrases and pattern names found, per specialist
 * @param evidence          per evidence kind ({@link EvidenceKind}), per specialist, the weighted score
 * @param bestSections      the best-matching knowledge-base section per specialist id
 * @param kindProbabilities per convention kind (indexed like {@link Conventions#kinds()}), how likely the task is one
 * @param namedDomain       index of the domain specialist with the most evidence, or -1 when none has any
 * @param crossDomain       whether the failure-across-domains rule gave its bonus
 */
public record TaskAnalysis(
        String routedText,
        boolean truncated,
        List<String> terms,
        List<String> contentTerms,
        List<List<String>> keywords,
        double[][] evidence,
        Map<String, SectionIndex.Match> bestSections,
        double[] kindProbabilities,
        int namedDomain,
        boolean crossDomain) {

    /** What each evidence row of {@link #evidence()} holds. */
    public enum EvidenceKind {
        /** Configured keywords, phrases and patterns. */
        KEYWORDS,
        /** BM25 of the task against the specialist's document sections. */
        DOCUMENTS,
        /** Labelled example requests similar to the task (nearest neighbours). */
        NEIGHBOURS,
        /** The naive Bayes classifier over all labelled examples. */
        CLASSIFIER,
        /** The bonus a failure naming several domains gives their coordinator. */
        CROSS_DOMAIN
    }

    public int specialistCount() {
        return evidence[0].length;
    }

    /** One kind of evidence for one specialist. */
    public double evidence(EvidenceKind kind, int specialist) {
        return evidence[kind.ordinal()][specialist];
    }

    /** All evidence for one specialist, unweighted by any learning. */
    public double evidenceTotal(int specialist) {
        double total = 0;
        for (double[] row : evidence) {
            total += row[specialist];
        }
        return total;
    }

    /** Knowledge-base, example and cross-domain evidence together, as replies group them. */
    public double knowledgeScore(int specialist) {
        return evidenceTotal(specialist) - evidence(EvidenceKind.KEYWORDS, specialist);
    }

    public boolean isEmpty() {
        return routedText.isEmpty();
    }
}

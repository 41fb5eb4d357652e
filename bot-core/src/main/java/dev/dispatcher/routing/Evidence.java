package dev.dispatcher.routing;

import java.util.List;

/**
 * Why one specialist scored what it did for one task.
 *
 * @param specialist     specialist id
 * @param keywords       configured keywords and phrases found in the task, as written in the configuration
 * @param keywordScore   summed weights of those keywords
 * @param knowledgeScore contribution of the best-matching section of the specialist's document
 * @param exampleScore   contribution of earlier corrections to similar tasks
 * @param confidence     this specialist's share of all evidence, 0 to 1
 */
public record Evidence(
        String specialist,
        List<String> keywords,
        double keywordScore,
        double knowledgeScore,
        double exampleScore,
        double confidence) {

    public Evidence {
        keywords = List.copyOf(keywords);
    }

    public double total() {
        return keywordScore + knowledgeScore + exampleScore;
    }
}

package dev.dispatcher.routing;

import java.util.List;

/**
 * Why one specialist scored what it did for one task.
 *
 * @param specialist     specialist id
 * @param keywords       configured keywords and phrases found in the task, as written in the configuration
 * @param keywordScore   summed weights of those keywords
 * @param knowledgeScore contribution of the best-matching section of the specialist's document
 * @param exampleScore   contribution of earlier corrections to near-identical tasks
 * @param learnedScore   what the learned model adds or takes away: how the team's examples and corrections weigh this
 *                       evidence, the conventions, and the words that decide for this team
 * @param confidence     calibrated probability that this specialist owns the task, 0 to 1
 */
public record Evidence(
        String specialist,
        List<String> keywords,
        double keywordScore,
        double knowledgeScore,
        double exampleScore,
        double learnedScore,
        double confidence) {

    public Evidence {
        keywords = List.copyOf(keywords);
    }

    /** The evidence before learning weighs it: keywords, knowledge base and examples, and corrections of near-identical tasks. */
    public double total() {
        return keywordScore + knowledgeScore + exampleScore;
    }
}

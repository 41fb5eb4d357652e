package dev.dispatcher.feedback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.dispatcher.routing.CorrectionMemory;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The index of corrected tasks")
class CorrectionIndexTest {

    private static final List<String> SPECIALISTS = List.of("auth", "database", "api", "troubleshooting");

    @Test
    @DisplayName("gives every task the votes that comparing it with each corrected task one by one gives")
    void votesAsComparingWithEveryCorrectedTask() {
        Random random = new Random(11);
        List<String> vocabulary = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            vocabulary.add("t" + i);
        }
        List<CorrectionIndex.Item> items = new ArrayList<>();
        CorrectionIndex oneByOne = new CorrectionIndex();
        for (int i = 0; i < 3_000; i++) {
            CorrectionIndex.Item item = new CorrectionIndex.Item(someTerms(random, vocabulary),
                    SPECIALISTS.get(random.nextInt(SPECIALISTS.size())), 0.5 + random.nextInt(2) * 0.25, 1 + random.nextInt(2));
            items.add(item);
            oneByOne.add(item.contentTerms(), item.specialist(), item.weight(), item.corrections());
        }
        CorrectionIndex built = CorrectionIndex.of(items);
        for (int q = 0; q < 500; q++) {
            List<String> task = someTerms(random, vocabulary);
            Map<String, CorrectionMemory.Vote> expected = bruteForce(items, task);
            assertSameVotes(built.votes(task), expected);
            assertSameVotes(oneByOne.votes(task), expected);
        }
    }

    /** Between 1 and 20 terms, skewed towards the first words of the vocabulary, so some terms are common. */
    private static List<String> someTerms(Random random, List<String> vocabulary) {
        int size = 1 + random.nextInt(20);
        List<String> terms = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            terms.add(vocabulary.get((int) (vocabulary.size() * Math.pow(random.nextDouble(), 2.5))));
        }
        return terms;
    }

    private static Map<String, CorrectionMemory.Vote> bruteForce(List<CorrectionIndex.Item> items, List<String> task) {
        Set<String> taskTerms = new HashSet<>(task);
        Map<String, CorrectionMemory.Vote> votes = new HashMap<>();
        for (CorrectionIndex.Item item : items) {
            Set<String> terms = new HashSet<>(item.contentTerms());
            Set<String> shared = new HashSet<>(terms);
            shared.retainAll(taskTerms);
            double similarity = shared.size() / Math.sqrt((double) taskTerms.size() * terms.size());
            if (similarity >= CorrectionIndex.SIMILAR) {
                double weight = item.weight() * (similarity >= CorrectionIndex.NEAR_IDENTICAL
                        ? CorrectionIndex.DECISIVE : similarity * similarity);
                votes.merge(item.specialist(), new CorrectionMemory.Vote(weight, item.corrections()),
                        (a, b) -> new CorrectionMemory.Vote(a.weight() + b.weight(), a.corrections() + b.corrections()));
            }
        }
        return votes;
    }

    private static void assertSameVotes(Map<String, CorrectionMemory.Vote> actual, Map<String, CorrectionMemory.Vote> expected) {
        assertThat(actual.keySet()).isEqualTo(expected.keySet());
        expected.forEach((specialist, vote) -> {
            assertThat(actual.get(specialist).weight()).isCloseTo(vote.weight(), within(1e-9));
            assertThat(actual.get(specialist).corrections()).isEqualTo(vote.corrections());
        });
    }
}

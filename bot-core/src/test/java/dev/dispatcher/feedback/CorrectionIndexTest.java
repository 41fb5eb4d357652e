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
        assertVotesAsComparingOneByOne(Integer.MAX_VALUE);
    }

    @Test
    @DisplayName("lets only the most recent corrected tasks lean, while older ones still decide near-identical tasks")
    void onlyRecentCorrectedTasksLean() {
        assertVotesAsComparingOneByOne(700);
    }

    @Test
    @DisplayName("still routes an old corrected task itself to its specialist once a long history follows it")
    void oldCorrectedTaskStillDecidesItself() {
        CorrectionIndex index = new CorrectionIndex(10);
        index.add(List.of("celery", "worker", "cannot", "reach", "app", "context"), "troubleshooting", 0.5, 1);
        for (int i = 0; i < 50; i++) {
            index.add(List.of("celery", "worker", "queue", "retry", "t" + i), "api", 0.5, 1);
        }
        assertThat(index.votes(List.of("celery", "worker", "cannot", "reach", "app", "context")))
                .containsOnlyKeys("troubleshooting")
                .satisfies(votes -> assertThat(votes.get("troubleshooting").weight()).isEqualTo(0.5 * CorrectionIndex.DECISIVE));
    }

    /** Indexes 3,000 random corrected tasks, in one pass and one by one, and compares 500 tasks' votes with brute force. */
    private static void assertVotesAsComparingOneByOne(int leaning) {
        Random random = new Random(11);
        List<String> vocabulary = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            vocabulary.add("t" + i);
        }
        List<CorrectionIndex.Item> items = new ArrayList<>();
        CorrectionIndex oneByOne = new CorrectionIndex(leaning);
        for (int i = 0; i < 3_000; i++) {
            CorrectionIndex.Item item = new CorrectionIndex.Item(someTerms(random, vocabulary),
                    SPECIALISTS.get(random.nextInt(SPECIALISTS.size())), 0.5 + random.nextInt(2) * 0.25, 1 + random.nextInt(2));
            items.add(item);
            oneByOne.add(item.contentTerms(), item.specialist(), item.weight(), item.corrections());
        }
        CorrectionIndex built = CorrectionIndex.of(items, leaning);
        for (int q = 0; q < 500; q++) {
            // every third task is a corrected one with a word dropped or added, so near-identical ones are met too
            List<String> task = q % 3 == 0 ? nearly(items.get(random.nextInt(items.size())).contentTerms(), random, vocabulary)
                    : someTerms(random, vocabulary);
            if (q % 5 == 0) {
                task.add("unseen" + q);   // a word no corrected task has counts in the similarity, but cannot be shared
            }
            Map<String, CorrectionMemory.Vote> expected = bruteForce(items, task, leaning);
            assertSameVotes(built.votes(task), expected);
            assertSameVotes(oneByOne.votes(task), expected);
        }
    }

    private static List<String> nearly(List<String> terms, Random random, List<String> vocabulary) {
        List<String> task = new ArrayList<>(terms);
        if (random.nextBoolean() && task.size() > 1) {
            task.remove(random.nextInt(task.size()));
        } else if (random.nextBoolean()) {
            task.add(vocabulary.get(random.nextInt(vocabulary.size())));
        }
        return task;
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

    /** The votes of comparing the task with every corrected task; all but the last {@code leaning} vote only when near-identical. */
    private static Map<String, CorrectionMemory.Vote> bruteForce(List<CorrectionIndex.Item> items, List<String> task, int leaning) {
        Set<String> taskTerms = new HashSet<>(task);
        Map<String, CorrectionMemory.Vote> votes = new HashMap<>();
        for (int i = 0; i < items.size(); i++) {
            CorrectionIndex.Item item = items.get(i);
            boolean leans = i >= items.size() - leaning;
            Set<String> terms = new HashSet<>(item.contentTerms());
            Set<String> shared = new HashSet<>(terms);
            shared.retainAll(taskTerms);
            double similarity = shared.size() / Math.sqrt((double) taskTerms.size() * terms.size());
            if (similarity >= (leans ? CorrectionIndex.SIMILAR : CorrectionIndex.NEAR_IDENTICAL)) {
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

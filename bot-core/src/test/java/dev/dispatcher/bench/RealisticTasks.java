package dev.dispatcher.bench;

import dev.dispatcher.eval.EvalCase;
import dev.dispatcher.eval.EvalCases;
import dev.dispatcher.routing.SpecialistCatalog;
import dev.dispatcher.testkit.Repository;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;

/**
 * Tasks as people type them, for benchmarks: the requests of the evaluation sets ({@code eval/*.jsonl}) with the
 * variations chat adds (a greeting, an "asap", lower case), generated from a fixed seed so every run routes the same
 * tasks. Every task is distinct after the decision cache's folding of case and spacing, so a benchmark over them
 * measures routing, not the cache. Public for the Discord load run ({@code discord-adapter}, {@code -Pload}).
 */
public final class RealisticTasks {

    private static final List<String> EVAL_FILES = List.of("dev-cases.jsonl", "holdout-cases.jsonl", "seed-cases.jsonl");
    private static final String[] PREFIXES = {
        "", "", "", "hey, ", "quick one: ", "@dispatcher ", "can someone look at this: ", "FYI ", "urgent: ", "question - ",
    };
    private static final String[] SUFFIXES = {
        "", "", "", " asap", " please", " (prod)", " - blocking the release", " thanks!", " since this morning", "?",
    };

    private RealisticTasks() {}

    /** The evaluation requests as written, in file order. */
    static List<String> evalTexts(SpecialistCatalog catalog) {
        List<String> texts = new ArrayList<>();
        for (String file : EVAL_FILES) {
            try {
                for (EvalCase c : EvalCases.read(Repository.root().resolve("eval").resolve(file), catalog)) {
                    texts.add(c.text());
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return texts;
    }

    /**
     * {@code count} distinct tasks, the same for the same arguments.
     *
     * @param seed fixes the choice of requests and variations
     */
    public static List<String> generate(SpecialistCatalog catalog, int count, long seed) {
        List<String> base = evalTexts(catalog);
        Random random = new Random(seed);
        Set<String> folded = new LinkedHashSet<>();
        List<String> tasks = new ArrayList<>(count);
        while (tasks.size() < count) {
            String text = PREFIXES[random.nextInt(PREFIXES.length)]
                    + base.get(random.nextInt(base.size()))
                    + SUFFIXES[random.nextInt(SUFFIXES.length)];
            if (random.nextInt(5) == 0) {
                text = text.toLowerCase(Locale.ROOT);
            }
            // Past the few thousand plain combinations, a ticket number keeps tasks distinct, as in real chat.
            if (folded.size() >= 2_000 && random.nextBoolean()) {
                text = text + " (ticket " + (1000 + random.nextInt(90_000)) + ")";
            }
            if (folded.add(text.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT))) {
                tasks.add(text);
            }
        }
        return tasks;
    }
}

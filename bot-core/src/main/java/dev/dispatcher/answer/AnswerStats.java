package dev.dispatcher.answer;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * Whether answers helped, as the seed's "user satisfaction" and "knowledge base usage" metrics ask: per specialist and
 * per template, the answers given, the share of 👍 among the votes, and how often model answers cited the knowledge
 * base. Rendered as monospaced text for {@code stats}, {@code /route stats} and the shell. Thread-safe.
 */
public final class AnswerStats {

    /**
     * One group's figures.
     *
     * @param name     the specialist or the template
     * @param answers  answers given
     * @param byModel  of them, written by a model
     * @param cited    of those, citing the knowledge base
     * @param helpful  👍 votes
     * @param unhelpful 👎 votes
     */
    public record Row(String name, long answers, long byModel, long cited, long helpful, long unhelpful) {

        /** 👍 over all votes, or {@code null} with no votes. */
        public Double helpfulRate() {
            long votes = helpful + unhelpful;
            return votes == 0 ? null : (double) helpful / votes;
        }

        /** Cited over model answers, or {@code null} with none. */
        public Double citeRate() {
            return byModel == 0 ? null : (double) cited / byModel;
        }
    }

    private final AnswerLog log;
    private final Clock clock;

    public AnswerStats(AnswerLog log, Clock clock) {
        this.log = log;
        this.clock = clock;
    }

    public List<Row> bySpecialist(Duration window) {
        return log.grouped("specialist", clock.instant().minus(window));
    }

    public List<Row> byTemplate(Duration window) {
        return log.grouped("template", clock.instant().minus(window));
    }

    /** The last 30 days as text; empty when no answer was given. */
    public String text() {
        Duration window = Duration.ofDays(30);
        List<Row> specialists = bySpecialist(window);
        if (specialists.isEmpty()) {
            return "";
        }
        StringBuilder out = new StringBuilder("Answers, last 30 days (helpful = 👍 share of votes; cited = model answers citing the knowledge base)\n");
        table(out, "specialist", specialists);
        out.append('\n');
        table(out, "template", byTemplate(window));
        return out.toString().stripTrailing();
    }

    private static void table(StringBuilder out, String heading, List<Row> rows) {
        out.append(String.format(Locale.ROOT, "%-28s %7s %7s %6s %9s %7s%n", heading, "answers", "helpful", "votes", "by model", "cited"));
        for (Row r : rows) {
            out.append(String.format(Locale.ROOT, "%-28s %7d %7s %6d %9d %7s%n", r.name(), r.answers(), percent(r.helpfulRate()),
                    r.helpful() + r.unhelpful(), r.byModel(), percent(r.citeRate())));
        }
    }

    private static String percent(Double rate) {
        return rate == null ? "-" : Math.round(rate * 100) + "%";
    }
}

package dev.dispatcher.eval;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Prints evaluation results side by side; the text's last line is always {@code accuracy 0.XXX (HITS/TOTAL)} for ours. */
public final class EvalReport {

    private static final ObjectMapper JSON = new ObjectMapper();

    private EvalReport() {}

    public static String text(Evaluation.Result ours, Evaluation.Result baseline) {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "%-28s %10s %10s %10s %10s%n", "specialist", "precision", "recall", "baseline P", "baseline R"));
        for (int i = 0; i < ours.perClass().size(); i++) {
            Evaluation.ClassScore o = ours.perClass().get(i);
            Evaluation.ClassScore b = baseline.perClass().stream().filter(c -> c.specialist().equals(o.specialist())).findFirst().orElse(o);
            out.append(String.format(Locale.ROOT, "%-28s %10s %10s %10s %10s%n", o.specialist(),
                    f(o.precision()), f(o.recall()), f(b.precision()), f(b.recall())));
        }
        out.append("\nconfusion matrix (rows: truth, columns: routed to; ours)\n");
        List<String> ids = List.copyOf(ours.confusion().keySet());
        List<String> rowLabels = new ArrayList<>();
        for (int r = 0; r < ids.size(); r++) {
            rowLabels.add("#" + (r + 1) + " " + ids.get(r));
        }
        int labelWidth = rowLabels.stream().mapToInt(String::length).max().orElse(0) + 2;
        int largest = ours.confusion().values().stream().flatMap(row -> row.values().stream()).mapToInt(Integer::intValue).max().orElse(0);
        int cellWidth = Math.max(String.valueOf(largest).length(), ("#" + ids.size()).length()) + 2;
        out.append(" ".repeat(labelWidth));
        for (int i = 0; i < ids.size(); i++) {
            out.append(pad("#" + (i + 1), cellWidth));
        }
        out.append('\n');
        for (int r = 0; r < ids.size(); r++) {
            out.append(rowLabels.get(r)).append(" ".repeat(labelWidth - rowLabels.get(r).length()));
            Map<String, Integer> row = ours.confusion().get(ids.get(r));
            for (String column : ids) {
                out.append(pad(String.valueOf(row.getOrDefault(column, 0)), cellWidth));
            }
            out.append('\n');
        }
        if (!ours.misses().isEmpty()) {
            out.append("\nmisses (ours)\n");
            for (Evaluation.Miss m : ours.misses()) {
                out.append(String.format(Locale.ROOT, "  %-26s ← %s  \"%s\"%n", m.routedTo(), m.evalCase().label(), m.evalCase().text()));
            }
        }
        out.append(String.format(Locale.ROOT, "%nreliability (ours): shown confidence against accuracy%n"));
        out.append(String.format(Locale.ROOT, "  %-11s %6s %6s %10s %9s%n", "confidence", "cases", "right", "mean conf.", "accuracy"));
        for (Calibration.Bin b : ours.calibration().bins()) {
            if (b.count() > 0) {
                out.append(String.format(Locale.ROOT, "  %.1f-%.1f    %6d %6d %10.3f %9.3f%n", b.from(), b.to(), b.count(), b.right(),
                        b.meanConfidence(), b.accuracy()));
            }
        }
        out.append(String.format(Locale.ROOT, "  expected calibration error %.3f%n", ours.calibration().expectedError()));
        out.append(String.format(Locale.ROOT, "  Brier score %.4f, log loss %.3f (of every decision: lower is better)%n",
                ours.calibration().brierScore(), ours.calibration().logLoss()));
        out.append(String.format(Locale.ROOT, "%nowner named (winner or also consider) %.3f (%d/%d); replies with also consider %.3f (%d/%d)%n",
                share(ours.named(), ours.total()), ours.named(), ours.total(), share(ours.withAlternates(), ours.total()),
                ours.withAlternates(), ours.total()));
        out.append(String.format(Locale.ROOT, "asked for clarification %d times; right to ask (the best guess was wrong) %d of them%n",
                ours.clarifications(), ours.rightToAsk()));
        out.append(String.format(Locale.ROOT, "%nseed baseline: accuracy %.3f (%d/%d)%n", baseline.accuracy(), baseline.hits(), baseline.total()));
        out.append(String.format(Locale.ROOT, "accuracy %.3f (%d/%d)", ours.accuracy(), ours.hits(), ours.total()));
        return out.toString();
    }

    public static ObjectNode json(Evaluation.Result ours, Evaluation.Result baseline) {
        ObjectNode root = JSON.createObjectNode();
        root.set("ours", result(ours));
        root.set("baseline", result(baseline));
        root.put("accuracy", round(ours.accuracy()));
        root.put("hits", ours.hits());
        root.put("total", ours.total());
        return root;
    }

    private static ObjectNode result(Evaluation.Result r) {
        ObjectNode node = JSON.createObjectNode();
        node.put("router", r.router());
        node.put("accuracy", round(r.accuracy()));
        node.put("hits", r.hits());
        node.put("total", r.total());
        ObjectNode per = node.putObject("perSpecialist");
        for (Evaluation.ClassScore c : r.perClass()) {
            ObjectNode s = per.putObject(c.specialist());
            s.put("support", c.actual());
            if (c.precision() == null) {
                s.putNull("precision");
            } else {
                s.put("precision", round(c.precision()));
            }
            if (c.recall() == null) {
                s.putNull("recall");
            } else {
                s.put("recall", round(c.recall()));
            }
        }
        ObjectNode matrix = node.putObject("confusion");
        r.confusion().forEach((truth, row) -> {
            ObjectNode rowNode = matrix.putObject(truth);
            row.forEach(rowNode::put);
        });
        node.put("ownerNamed", round(share(r.named(), r.total())));
        node.put("withAlsoConsider", round(share(r.withAlternates(), r.total())));
        node.put("clarifications", r.clarifications());
        node.put("rightToAsk", r.rightToAsk());
        ObjectNode calibration = node.putObject("calibration");
        calibration.put("expectedCalibrationError", round(r.calibration().expectedError()));
        calibration.put("brierScore", Math.round(r.calibration().brierScore() * 10_000) / 10_000.0);
        calibration.put("logLoss", round(r.calibration().logLoss()));
        ArrayNode bins = calibration.putArray("bins");
        for (Calibration.Bin b : r.calibration().bins()) {
            bins.addObject().put("from", b.from()).put("to", b.to()).put("cases", b.count()).put("right", b.right())
                    .put("meanConfidence", round(b.meanConfidence()));
        }
        ArrayNode misses = node.putArray("misses");
        for (Evaluation.Miss m : r.misses()) {
            misses.addObject().put("text", m.evalCase().text()).put("label", m.evalCase().label()).put("routed", m.routedTo());
        }
        return node;
    }

    private static double share(int part, int whole) {
        return whole == 0 ? 0 : part / (double) whole;
    }

    /** Right-aligns a cell in a column of this width. */
    private static String pad(String cell, int width) {
        return " ".repeat(Math.max(0, width - cell.length())) + cell;
    }

    private static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }

    private static String f(Double v) {
        return v == null ? "-" : String.format(Locale.ROOT, "%.3f", v);
    }
}

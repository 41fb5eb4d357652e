package dev.dispatcher.routing;

import java.util.List;

/**
 * The winner's probability rescaled on the logit scale (Platt scaling), fitted on held-out examples, with the runners-up
 * keeping their proportions: one temperature makes the scores softer or sharper everywhere alike, while held out the
 * router was too unsure in the middle (right 66 % of the time at 0.55) and a little too sure at the top (98 % shown,
 * 97.6 % right). A slope below 1 with a positive offset mends both. The winner never changes. Immutable.
 *
 * @param slope  multiplies the winner's log-odds
 * @param offset is added to them
 */
record TopConfidence(double slope, double offset) {

    /** Leaves probabilities as they are. */
    static final TopConfidence NONE = new TopConfidence(1, 0);

    /** Fewer held-out examples than this say too little about the shape; the probabilities are then left alone. */
    static final int MIN_EXAMPLES = 200;

    /**
     * The slope and offset that make the held-out winners' rescaled probabilities most likely (logistic regression of
     * "the winner was right" on its log-odds, by Newton's method).
     *
     * @param probabilities each held-out example's probabilities, temperature already applied
     * @param labels        each example's right specialist
     */
    static TopConfidence fit(List<double[]> probabilities, List<Integer> labels) {
        if (probabilities.size() < MIN_EXAMPLES) {
            return NONE;
        }
        double[] x = new double[probabilities.size()];
        double[] y = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            double[] p = probabilities.get(i);
            int top = top(p);
            x[i] = logit(p[top]);
            y[i] = top == labels.get(i) ? 1 : 0;
        }
        double slope = 1;
        double offset = 0;
        for (int step = 0; step < 50; step++) {
            double gs = 0;
            double go = 0;
            double hss = 1e-9;
            double hso = 0;
            double hoo = 1e-9;
            for (int i = 0; i < x.length; i++) {
                double q = sigmoid(slope * x[i] + offset);
                double r = q - y[i];
                double w = q * (1 - q);
                gs += r * x[i];
                go += r;
                hss += w * x[i] * x[i];
                hso += w * x[i];
                hoo += w;
            }
            double determinant = hss * hoo - hso * hso;
            if (Math.abs(determinant) < 1e-12) {
                break;
            }
            double ds = (hoo * gs - hso * go) / determinant;
            double dOffset = (hss * go - hso * gs) / determinant;
            slope -= ds;
            offset -= dOffset;
            if (Math.abs(ds) + Math.abs(dOffset) < 1e-9) {
                break;
            }
        }
        // A slope of zero or below would say confidence means nothing or the reverse: keep the probabilities as they are.
        return Double.isFinite(slope) && Double.isFinite(offset) && slope > 0 ? new TopConfidence(slope, offset) : NONE;
    }

    /** The probabilities with the winner's rescaled and the others in proportion to what is left. */
    double[] apply(double[] p) {
        if (equals(NONE) || p.length == 0) {
            return p;
        }
        int top = top(p);
        double q = p[top];
        if (q <= 0 || q >= 1) {
            return p;
        }
        double scaled = sigmoid(slope * logit(q) + offset);
        double rest = (1 - scaled) / (1 - q);
        double[] out = new double[p.length];
        for (int c = 0; c < p.length; c++) {
            out[c] = c == top ? scaled : p[c] * rest;
            if (c != top && out[c] >= scaled) {
                return p;   // it would change the winner (a fit no held-out set gives): keep what the scores say
            }
        }
        return out;
    }

    private static int top(double[] p) {
        int top = 0;
        for (int c = 1; c < p.length; c++) {
            if (p[c] > p[top]) {
                top = c;
            }
        }
        return top;
    }

    private static double logit(double p) {
        double q = Math.min(1 - 1e-9, Math.max(1e-9, p));
        return Math.log(q / (1 - q));
    }

    private static double sigmoid(double v) {
        return 1 / (1 + Math.exp(-v));
    }
}

package org.learnability.experiments.stats;

import java.util.List;
import org.learnability.experiments.record.SplitScores;

/**
 * The figures of one model on one split, from its recorded per-class scores {@code s} (TPRs) over
 * {@code C} classes:
 *
 * <pre>
 *   Var(s)    = (1/C) * sum_c (s_c - mean(s))^2     population variance, the source paper's Eq. 6
 *   sd(s)     = sqrt(Var(s))
 *   worst     = min_c s_c
 *   gap       = max_c s_c - min_c s_c
 *   macro-F1  = (1/C) * sum_c F1_c
 *   sd per error = sd(s) / (1 - accuracy)          the spread per unit of error
 * </pre>
 *
 * The spread follows the error rate across models (a more accurate model has less room for uneven
 * classes); the spread per unit of error separates evenness from accuracy. {@link
 * NoiseCorrectedSpread} takes the test split's sampling noise out of the spread.
 *
 * @param tpr per-class TPR (recall)
 * @param precision per-class precision
 * @param f1 per-class F1
 * @param accuracy overall accuracy
 * @param variance {@code Var(s)} of the TPRs
 * @param standardDeviation {@code sd(s)}
 * @param worstTpr the lowest TPR
 * @param worstClass the class with the lowest TPR (the first one on a tie)
 * @param gap the highest TPR minus the lowest
 * @param macroF1 the mean of the per-class F1
 * @param noise the spread with and without the sampling noise of the split's images per class
 */
public record Figures(
        List<Double> tpr,
        List<Double> precision,
        List<Double> f1,
        double accuracy,
        double variance,
        double standardDeviation,
        double worstTpr,
        int worstClass,
        double gap,
        double macroF1,
        NoiseCorrectedSpread noise) {

    /** Validates the figures and takes immutable copies. */
    public Figures {
        if (tpr.isEmpty() || precision.size() != tpr.size() || f1.size() != tpr.size()) {
            throw new IllegalArgumentException(
                    "per-class scores disagree on the number of classes: "
                            + tpr.size()
                            + " TPRs, "
                            + precision.size()
                            + " precisions, "
                            + f1.size()
                            + " F1 scores");
        }
        tpr = List.copyOf(tpr);
        precision = List.copyOf(precision);
        f1 = List.copyOf(f1);
    }

    /**
     * Computes the figures of recorded scores.
     *
     * @param scores the scores of one model on one split
     * @return the figures
     */
    public static Figures of(SplitScores scores) {
        List<Double> s = scores.tpr();
        int worst = 0;
        double max = s.get(0);
        for (int c = 1; c < s.size(); c++) {
            if (s.get(c) < s.get(worst)) {
                worst = c;
            }
            max = Math.max(max, s.get(c));
        }
        double variance = populationVariance(s);
        return new Figures(
                s,
                scores.precision(),
                scores.f1(),
                scores.accuracy(),
                variance,
                Math.sqrt(variance),
                s.get(worst),
                worst,
                max - s.get(worst),
                mean(scores.f1()),
                NoiseCorrectedSpread.of(s, support(scores)));
    }

    /** The images of every class, the confusion matrix's row sums; empty without the matrix. */
    private static List<Long> support(SplitScores scores) {
        return scores.confusionMatrix().stream()
                .map(row -> row.stream().mapToLong(Long::longValue).sum())
                .toList();
    }

    /**
     * Returns the spread per unit of error.
     *
     * @return {@code sd(s) / (1 - accuracy)}; NaN for a model without errors
     */
    public double sdPerError() {
        return accuracy == 1 ? Double.NaN : standardDeviation / (1 - accuracy);
    }

    /**
     * The population variance, {@code (1/C) * sum_c (s_c - mean(s))^2} (Eq. 6).
     *
     * @param s the values, at least one
     * @return their variance
     */
    public static double populationVariance(List<Double> s) {
        double mean = mean(s);
        double sum = 0.0;
        for (double v : s) {
            sum += (v - mean) * (v - mean);
        }
        return sum / s.size();
    }

    /**
     * The arithmetic mean.
     *
     * @param values the values, at least one
     * @return their mean
     */
    public static double mean(List<Double> values) {
        double sum = 0.0;
        for (double v : values) {
            sum += v;
        }
        return sum / values.size();
    }
}

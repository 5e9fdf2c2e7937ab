package org.learnability.strategies;

import java.util.List;
import org.learnability.api.scores.ConfusionMatrix;
import org.learnability.api.strategy.ParameterSpec;
import org.learnability.api.strategy.StrategyParameters;
import org.learnability.api.strategy.WeightStrategy;
import org.learnability.api.strategy.WeightStrategyProvider;

/**
 * {@code confusion}: weights a class by how much it is confused with the others, both ways, the
 * source paper's second cause of learnability imbalance (similar classes). For the confusion matrix
 * {@code M} (rows actual, columns predicted):
 *
 * <pre>
 *   q_c = (sum_{j != c} M[c][j] + sum_{j != c} M[j][c]) / (2 * max(support_c, 1))
 *   w_c = (1 + q_c)^gamma,   gamma in [0, 10], default 1
 * </pre>
 *
 * then normalised to mean 1. {@code q_c} is the mean of the class's misses (false negatives) and
 * false alarms (false positives) per sample of the class. Floor: a class with an empty row (support
 * 0) counts as having one sample, so {@code q_c} is half its false positives; an empty class that
 * is also never predicted gets {@code q_c = 0}. Needs a confusion matrix; does not take {@code
 * metric} or {@code eps} ({@code 1 + q_c >= 1}). Ignores {@code current}.
 */
public final class ConfusionProvider implements WeightStrategyProvider {

    /** The strategy name. */
    public static final String NAME = "confusion";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "w_c = (1 + q_c)^gamma, q_c = (misses + false positives of c) / (2 * max(support_c, 1)):"
                + " how much class c is confused with the others; needs a confusion matrix";
    }

    @Override
    public List<ParameterSpec> parameters() {
        return List.of(
                CommonParameters.exponent(
                        "gamma", "exponent; 0 gives uniform weights, larger is steeper", 1));
    }

    @Override
    public WeightStrategy create(StrategyParameters parameters) {
        double gamma = parameters.number("gamma");
        return (scores, current) -> {
            ConfusionMatrix m = CommonParameters.matrix(NAME, scores);
            double[] log = new double[m.numClasses()];
            for (int c = 0; c < log.length; c++) {
                log[c] = gamma * Math.log1p(confusion(m, c));
            }
            return LogWeights.normalise(log);
        };
    }

    /**
     * How much one class is confused with the others, both ways.
     *
     * @param m the confusion matrix
     * @param c the class
     * @return {@code q_c}
     */
    static double confusion(ConfusionMatrix m, int c) {
        long off = 0;
        for (int j = 0; j < m.numClasses(); j++) {
            if (j != c) {
                off += m.count(c, j) + m.count(j, c);
            }
        }
        return off / (2.0 * Math.max(m.support(c), 1));
    }
}

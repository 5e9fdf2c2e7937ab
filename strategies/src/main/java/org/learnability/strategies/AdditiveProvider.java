package org.learnability.strategies;

import java.util.List;
import org.learnability.api.scores.Metric;
import org.learnability.api.strategy.ParameterSpec;
import org.learnability.api.strategy.StrategyParameters;
import org.learnability.api.strategy.WeightStrategy;
import org.learnability.api.strategy.WeightStrategyProvider;
import org.learnability.api.weights.ClassWeights;

/**
 * {@code additive}: the additive reweighting of Fair Robust Learning (FRL; Xu, Liu, Li, Jain and
 * Tang, "To be Robust or to be Fair: Towards Fairness in Adversarial Training", ICML 2021): a
 * class's weight grows by how much its error {@code 1 - s_c} exceeds the mean error,
 *
 * <pre>
 *   w_c = max(eps, current_c + eta * ((1 - s_c) - mean(1 - s))),   eta in (0, inf), default 1
 * </pre>
 *
 * then normalised to mean 1. Iterative: applied round after round it keeps moving weight toward the
 * classes that stay behind. {@code current} has mean 1, so the step is relative to that scale.
 * Floor: a weight the step would take to 0 or below is set to {@code eps}.
 */
public final class AdditiveProvider implements WeightStrategyProvider {

    /** The strategy name. */
    public static final String NAME = "additive";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "w_c = max(eps, current_c + eta * ((1 - s_c) - mean(1 - s))): the fairness reweighting of"
                + " Xu et al., ICML 2021 (FRL); iterative";
    }

    @Override
    public List<ParameterSpec> parameters() {
        return List.of(
                CommonParameters.metric(),
                CommonParameters.positive("eta", "step size of the update", 1),
                CommonParameters.eps("a weight the step takes below eps is set to eps"));
    }

    @Override
    public WeightStrategy create(StrategyParameters parameters) {
        Metric metric = CommonParameters.metric(parameters);
        double eta = parameters.number("eta");
        double eps = CommonParameters.eps(parameters);
        return (scores, current) -> {
            double[] s = CommonParameters.scores(NAME, scores, metric);
            current.requireSize(s.length);
            double meanError = 0;
            for (double v : s) {
                meanError += (1 - v) / s.length;
            }
            double[] raw = new double[s.length];
            for (int c = 0; c < s.length; c++) {
                raw[c] = Math.max(eps, current.get(c) + eta * ((1 - s[c]) - meanError));
            }
            return new ClassWeights(raw);
        };
    }
}

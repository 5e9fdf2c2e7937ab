package org.learnability.strategies;

import java.util.List;
import org.learnability.api.scores.Metric;
import org.learnability.api.strategy.ParameterSpec;
import org.learnability.api.strategy.StrategyParameters;
import org.learnability.api.strategy.WeightStrategy;
import org.learnability.api.strategy.WeightStrategyProvider;

/**
 * {@code softmax}: a softmax over the per-class errors {@code 1 - s_c},
 *
 * <pre>
 *   w_c = exp((1 - s_c) / temperature),   temperature in (0, inf), default 0.1
 * </pre>
 *
 * then normalised to mean 1 (so {@code C} times the softmax). A small temperature puts nearly all
 * weight on the worst class; a large one tends to uniform weights. Computed in log space, so any
 * temperature works: a relative weight that underflows is kept at the smallest positive normal
 * double (see {@link LogWeights}); there is no {@code eps}. Ignores {@code current}.
 */
public final class SoftmaxProvider implements WeightStrategyProvider {

    /** The strategy name. */
    public static final String NAME = "softmax";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "w_c = exp((1 - s_c) / temperature): a softmax over the per-class errors";
    }

    @Override
    public List<ParameterSpec> parameters() {
        return List.of(
                CommonParameters.metric(),
                CommonParameters.positive(
                        "temperature",
                        "smaller puts more weight on the worst classes, larger tends to uniform",
                        0.1));
    }

    @Override
    public WeightStrategy create(StrategyParameters parameters) {
        Metric metric = CommonParameters.metric(parameters);
        double temperature = parameters.number("temperature");
        return (scores, current) -> {
            double[] s = CommonParameters.scores(NAME, scores, metric);
            double best = Double.NEGATIVE_INFINITY;
            for (double v : s) {
                best = Math.max(best, v);
            }
            double[] log = new double[s.length];
            for (int c = 0; c < s.length; c++) {
                // (1 - s_c)/T less the common (1 - best)/T: exact 0 for the best class, never +inf
                log[c] = (best - s[c]) / temperature;
            }
            return LogWeights.normalise(log);
        };
    }
}

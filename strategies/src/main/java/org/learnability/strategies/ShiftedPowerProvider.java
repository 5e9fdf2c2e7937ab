package org.learnability.strategies;

import java.util.List;
import org.learnability.api.scores.Metric;
import org.learnability.api.strategy.ParameterSpec;
import org.learnability.api.strategy.StrategyParameters;
import org.learnability.api.strategy.WeightStrategy;
import org.learnability.api.strategy.WeightStrategyProvider;

/**
 * {@code shifted-power}: the weighting the source paper's own experiment code used,
 *
 * <pre>
 *   w_c = (2 - s_c)^gamma,   gamma in [0, 10], default 4
 * </pre>
 *
 * then normalised to mean 1. The base lies in [1, 2], so no floor is needed and the strategy has no
 * {@code eps}. Ignores {@code current}.
 */
public final class ShiftedPowerProvider implements WeightStrategyProvider {

    /** The strategy name. */
    public static final String NAME = "shifted-power";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "w_c = (2 - s_c)^gamma: the source paper's own experiment code";
    }

    @Override
    public List<ParameterSpec> parameters() {
        return List.of(
                CommonParameters.metric(),
                CommonParameters.exponent(
                        "gamma", "exponent; 0 gives uniform weights, larger is steeper", 4));
    }

    @Override
    public WeightStrategy create(StrategyParameters parameters) {
        Metric metric = CommonParameters.metric(parameters);
        double gamma = parameters.number("gamma");
        return (scores, current) -> {
            double[] s = CommonParameters.scores(NAME, scores, metric);
            double[] log = new double[s.length];
            for (int c = 0; c < s.length; c++) {
                log[c] = gamma * Math.log(2 - s[c]);
            }
            return LogWeights.normalise(log);
        };
    }
}

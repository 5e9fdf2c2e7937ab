package org.learnability.strategies;

import java.util.List;
import org.learnability.api.scores.Metric;
import org.learnability.api.strategy.ParameterSpec;
import org.learnability.api.strategy.StrategyParameters;
import org.learnability.api.strategy.WeightStrategy;
import org.learnability.api.strategy.WeightStrategyProvider;

/**
 * {@code multiplicative}: the exponentiated-gradient update of the group weights in Group DRO
 * (Sagawa, Koh, Hashimoto and Liang, "Distributionally Robust Neural Networks", ICLR 2020), with
 * classes as groups and the error {@code 1 - s_c} as the group loss:
 *
 * <pre>
 *   w_c = current_c * exp(eta * (1 - s_c)),   eta in (0, inf), default 1
 * </pre>
 *
 * then normalised to mean 1. Iterative: applied round after round it keeps moving weight toward the
 * classes that stay behind; applied once to uniform weights it is {@code softmax} with temperature
 * {@code 1/eta}. Computed in log space; no floor is needed ({@code current_c > 0}).
 */
public final class MultiplicativeProvider implements WeightStrategyProvider {

    /** The strategy name. */
    public static final String NAME = "multiplicative";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "w_c = current_c * exp(eta * (1 - s_c)): the exponentiated-gradient update of Group DRO,"
                + " Sagawa et al., ICLR 2020; iterative";
    }

    @Override
    public List<ParameterSpec> parameters() {
        return List.of(
                CommonParameters.metric(),
                CommonParameters.positive("eta", "step size of the update", 1));
    }

    @Override
    public WeightStrategy create(StrategyParameters parameters) {
        Metric metric = CommonParameters.metric(parameters);
        double eta = parameters.number("eta");
        return (scores, current) -> {
            double[] s = CommonParameters.scores(NAME, scores, metric);
            current.requireSize(s.length);
            double[] log = new double[s.length];
            for (int c = 0; c < s.length; c++) {
                log[c] = Math.log(current.get(c)) + eta * (1 - s[c]);
            }
            return LogWeights.normalise(log);
        };
    }
}

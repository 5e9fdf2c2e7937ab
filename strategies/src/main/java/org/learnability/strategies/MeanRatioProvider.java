package org.learnability.strategies;

import java.util.List;
import org.learnability.api.scores.Metric;
import org.learnability.api.strategy.ParameterSpec;
import org.learnability.api.strategy.StrategyParameters;
import org.learnability.api.strategy.WeightStrategy;
import org.learnability.api.strategy.WeightStrategyProvider;

/**
 * {@code mean-ratio}: the source paper's Eq. 5 ("Counteracting Learnability Imbalance in Multiclass
 * Classification"),
 *
 * <pre>
 *   w_c = (max(mean(s), eps) / max(s_c, eps))^gamma,   gamma in [0, 10], default 1
 * </pre>
 *
 * then normalised to mean 1. Floors: a class with score 0 is divided by {@code eps} instead, so it
 * gets a large but finite weight. {@code mean(s)} is a factor common to all classes, which
 * normalisation removes; it is floored too only so that scores that are all 0 give uniform weights
 * instead of 0/0. Ignores {@code current}.
 */
public final class MeanRatioProvider implements WeightStrategyProvider {

    /** The strategy name. */
    public static final String NAME = "mean-ratio";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "w_c = (mean(s) / max(s_c, eps))^gamma: the source paper's Eq. 5";
    }

    @Override
    public List<ParameterSpec> parameters() {
        return List.of(
                CommonParameters.metric(),
                CommonParameters.exponent(
                        "gamma", "exponent; 0 gives uniform weights, larger is steeper", 1),
                CommonParameters.eps("scores below eps count as eps in the ratio"));
    }

    @Override
    public WeightStrategy create(StrategyParameters parameters) {
        Metric metric = CommonParameters.metric(parameters);
        double gamma = parameters.number("gamma");
        double eps = CommonParameters.eps(parameters);
        return (scores, current) -> {
            double[] s = CommonParameters.scores(NAME, scores, metric);
            double mean = 0;
            for (double v : s) {
                mean += v / s.length;
            }
            double logMean = Math.log(Math.max(mean, eps));
            double[] log = new double[s.length];
            for (int c = 0; c < s.length; c++) {
                log[c] = gamma * (logMean - Math.log(Math.max(s[c], eps)));
            }
            return LogWeights.normalise(log);
        };
    }
}

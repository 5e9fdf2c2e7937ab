package org.learnability.strategies;

import java.util.List;
import org.learnability.api.scores.Metric;
import org.learnability.api.strategy.ParameterSpec;
import org.learnability.api.strategy.StrategyParameters;
import org.learnability.api.strategy.WeightStrategy;
import org.learnability.api.strategy.WeightStrategyProvider;

/**
 * {@code difficulty}: the Class-wise Difficulty-Balanced (CDB) weights of Sinha, Ohashi and
 * Nakamura, "Class-Wise Difficulty-Balanced Loss for Solving Class-Imbalance", ACCV 2020. The
 * difficulty of a class is {@code 1 - s_c}:
 *
 * <pre>
 *   w_c = max(1 - s_c, eps)^tau,   tau in [0, 10], default 1.5, or
 *   tau = dynamic:  tau = 2 * sigmoid(max(s) / (min(s) + eps) - 1)
 * </pre>
 *
 * then normalised to mean 1. The dynamic tau follows the authors' code (which adds 0.01 where this
 * class adds {@code eps}): the wider the spread of the scores, the closer tau gets to 2. Floor: the
 * difficulty is floored at {@code eps}, so a class at score 1 keeps a small positive weight ({@code
 * eps^tau} before normalisation) instead of 0. Ignores {@code current}.
 */
public final class DifficultyProvider implements WeightStrategyProvider {

    /** The strategy name. */
    public static final String NAME = "difficulty";

    /** The word that asks for the dynamic tau. */
    public static final String DYNAMIC = "dynamic";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "w_c = max(1 - s_c, eps)^tau, tau fixed or dynamic = 2*sigmoid(max(s)/(min(s)+eps) - 1):"
                + " Class-wise Difficulty-Balanced loss, Sinha et al., ACCV 2020";
    }

    @Override
    public List<ParameterSpec> parameters() {
        return List.of(
                CommonParameters.metric(),
                CommonParameters.exponent(
                                "tau",
                                "exponent of the difficulty 1 - s_c, or dynamic: 2*sigmoid(max(s)/(min(s)+eps) - 1)",
                                1.5)
                        .orWord(DYNAMIC),
                CommonParameters.eps(
                        "difficulties below eps count as eps; also added to min(s) for tau=dynamic"));
    }

    @Override
    public WeightStrategy create(StrategyParameters parameters) {
        Metric metric = CommonParameters.metric(parameters);
        boolean dynamic = parameters.is("tau", DYNAMIC);
        double fixedTau = dynamic ? Double.NaN : parameters.number("tau");
        double eps = CommonParameters.eps(parameters);
        return (scores, current) -> {
            double[] s = CommonParameters.scores(NAME, scores, metric);
            double tau = dynamic ? dynamicTau(s, eps) : fixedTau;
            double[] log = new double[s.length];
            for (int c = 0; c < s.length; c++) {
                log[c] = tau * Math.log(Math.max(1 - s[c], eps));
            }
            return LogWeights.normalise(log);
        };
    }

    /**
     * The dynamic exponent of CDB: {@code 2 * sigmoid(max(s) / (min(s) + eps) - 1)}.
     *
     * @param s the scores
     * @param eps the floor added to the smallest score
     * @return tau, in (0, 2)
     */
    static double dynamicTau(double[] s, double eps) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double v : s) {
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        double bias = max / (min + eps) - 1;
        return 2 / (1 + Math.exp(-bias));
    }
}

package org.learnability.runner.loss;

import ai.djl.ndarray.NDManager;
import java.util.List;
import org.learnability.api.strategy.ParameterSpec;
import org.learnability.api.strategy.Range;
import org.learnability.api.strategy.StrategyParameters;
import org.learnability.api.weights.ClassWeights;

/** {@value #NAME}: weighted focal loss, {@link FocalLoss}. */
public final class FocalFamily implements LossFamily {

    /** The name in loss specs. */
    public static final String NAME = "focal";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "weighted focal loss, sum_i w[y_i] (1 - p_i)^gamma (-log p_i) / sum_i w[y_i]"
                + " (Lin et al., ICCV 2017); gamma=0 is ce";
    }

    @Override
    public List<ParameterSpec> parameters() {
        return List.of(
                ParameterSpec.number(
                        "gamma", "focusing exponent on (1 - p_i)", 2, Range.closed(0, 10)));
    }

    @Override
    public ClassWeightedLoss create(
            StrategyParameters parameters, ClassWeights weights, NDManager manager) {
        return new FocalLoss("focal", parameters.number("gamma"), weights, manager);
    }
}

package org.learnability.runner.loss;

import ai.djl.ndarray.NDManager;
import java.util.List;
import org.learnability.api.strategy.ParameterSpec;
import org.learnability.api.strategy.Range;
import org.learnability.api.strategy.StrategyParameters;
import org.learnability.api.weights.ClassWeights;

/**
 * {@value #NAME}: logit-adjusted cross-entropy, the weights as margins, {@link LogitAdjustedLoss}.
 */
public final class MarginFamily implements LossFamily {

    /** The name in loss specs. */
    public static final String NAME = "margin";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "logit-adjusted cross-entropy, mean_i -log softmax(x_i + d)[y_i] with"
                + " d_c = -tau ln(w_c): weights as additive margins (Menon et al., ICLR 2021)";
    }

    @Override
    public List<ParameterSpec> parameters() {
        return List.of(
                ParameterSpec.number(
                        "tau", "scale of the margins -tau ln(w_c)", 1, Range.closed(0, 10)));
    }

    @Override
    public ClassWeightedLoss create(
            StrategyParameters parameters, ClassWeights weights, NDManager manager) {
        return create(parameters, weights, manager, LabelSmoothing.NONE);
    }

    @Override
    public boolean takesLabelSmoothing() {
        return true;
    }

    @Override
    public ClassWeightedLoss create(
            StrategyParameters parameters,
            ClassWeights weights,
            NDManager manager,
            LabelSmoothing smoothing) {
        return new LogitAdjustedLoss(
                "margin", parameters.number("tau"), weights, manager, smoothing);
    }
}

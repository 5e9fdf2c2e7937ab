package org.learnability.runner.loss;

import ai.djl.ndarray.NDManager;
import java.util.List;
import org.learnability.api.strategy.ParameterSpec;
import org.learnability.api.strategy.StrategyParameters;
import org.learnability.api.weights.ClassWeights;

/** {@value #NAME}: weighted softmax cross-entropy, {@link WeightedSoftmaxCrossEntropyLoss}. */
public final class CrossEntropyFamily implements LossFamily {

    /** The name in loss specs. */
    public static final String NAME = "ce";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "weighted softmax cross-entropy, sum_i w[y_i] (-log p_i) / sum_i w[y_i]"
                + " (PyTorch's CrossEntropyLoss(weight=w))";
    }

    @Override
    public List<ParameterSpec> parameters() {
        return List.of();
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
        return new WeightedSoftmaxCrossEntropyLoss(
                "weighted-softmax-ce", weights, manager, smoothing);
    }
}

package org.learnability.strategies;

import org.learnability.api.strategy.StrategyParameters;
import org.learnability.api.strategy.WeightStrategy;
import org.learnability.api.strategy.WeightStrategyProvider;
import org.learnability.api.weights.ClassWeights;

/**
 * {@code uniform}: every class weighted 1, the unweighted baseline (step 1 of the source paper's
 * Algorithm 1). Takes no parameters and ignores the scores except for their number of classes.
 */
public final class UniformProvider implements WeightStrategyProvider {

    /** The strategy name. */
    public static final String NAME = "uniform";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "w_c = 1 for every class: the unweighted baseline";
    }

    @Override
    public WeightStrategy create(StrategyParameters parameters) {
        return (scores, current) -> ClassWeights.uniform(scores.numClasses());
    }
}

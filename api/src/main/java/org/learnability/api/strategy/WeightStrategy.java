package org.learnability.api.strategy;

import org.learnability.api.scores.ClassScores;
import org.learnability.api.weights.ClassWeights;

/**
 * A configured weighting method: a function from per-class scores, plus the weights currently in
 * force, to new per-class weights. One-shot strategies ignore {@code current}; iterative ones
 * (applied round after round, or epoch after epoch) build on it.
 *
 * <p>Instances come from a {@link WeightStrategyProvider}, which declares the name and the
 * parameters.
 */
@FunctionalInterface
public interface WeightStrategy {

    /**
     * Computes new class weights.
     *
     * @param scores the per-class scores of the current model on the validation split
     * @param current the weights the current model was trained with
     * @return the new weights, one per class, normalised to mean 1
     */
    ClassWeights weights(ClassScores scores, ClassWeights current);
}

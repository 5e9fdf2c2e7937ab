package org.learnability.runner.pipeline;

import org.learnability.api.scores.ClassScores;
import org.learnability.api.weights.ClassWeights;

/**
 * Called by {@link Session#fit} after every epoch with the model's scores on the validation split
 * (the only split whose scores may give weights), scored once per epoch; it returns the class
 * weights of the next epoch.
 */
@FunctionalInterface
public interface ValidationHook {

    /** Keeps the weights as they are. */
    ValidationHook NONE = (epoch, validation, current) -> current;

    /**
     * Handles the end of an epoch.
     *
     * @param epoch the epoch that ended, from 0
     * @param validation the model's validation scores after that epoch
     * @param current the weights that epoch trained with
     * @return the weights for the next epoch
     */
    ClassWeights afterEpoch(int epoch, ClassScores validation, ClassWeights current);
}

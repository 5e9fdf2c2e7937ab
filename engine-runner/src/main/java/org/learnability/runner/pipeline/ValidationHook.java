package org.learnability.runner.pipeline;

import org.learnability.api.scores.ClassScores;
import org.learnability.api.weights.ClassWeights;

/**
 * Called by {@link Session#fit} after every epoch with the model's scores on the validation split
 * (the only split whose scores may give weights), scored once per epoch; it returns the class
 * weights of the next epoch. A hook that {@link #needsEveryEpoch needs no scores} is not called
 * where the session does not score every epoch.
 */
@FunctionalInterface
public interface ValidationHook {

    /** Keeps the weights as they are, and needs no epoch's scores. */
    ValidationHook NONE =
            new ValidationHook() {
                @Override
                public ClassWeights afterEpoch(
                        int epoch, ClassScores validation, ClassWeights current) {
                    return current;
                }

                @Override
                public boolean needsEveryEpoch() {
                    return false;
                }
            };

    /**
     * Handles the end of an epoch.
     *
     * @param epoch the epoch that ended, from 0
     * @param validation the model's validation scores after that epoch
     * @param current the weights that epoch trained with
     * @return the weights for the next epoch
     */
    ClassWeights afterEpoch(int epoch, ClassScores validation, ClassWeights current);

    /**
     * Tells whether the hook reads every epoch's scores, so that they are scored even where the
     * session scores validation only after training ({@code SessionOptions.everyEpochValidation}).
     *
     * @return {@code true} unless the hook ignores them
     */
    default boolean needsEveryEpoch() {
        return true;
    }
}

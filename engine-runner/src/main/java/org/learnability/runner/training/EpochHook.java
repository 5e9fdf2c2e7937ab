package org.learnability.runner.training;

import ai.djl.Model;
import org.learnability.api.weights.ClassWeights;

/**
 * Called after every epoch of a training run, with the model as trained so far. It returns the
 * class weights for the next epoch: the same ones for a fixed weighting, new ones for weights that
 * change during training (the dynamic mode).
 */
@FunctionalInterface
public interface EpochHook {

    /** Keeps the weights as they are. */
    EpochHook NONE = (epoch, model, current) -> current;

    /**
     * Handles the end of an epoch.
     *
     * @param epoch the epoch that ended, from 0
     * @param model the model after that epoch
     * @param current the weights that epoch trained with
     * @return the weights for the next epoch
     */
    ClassWeights afterEpoch(int epoch, Model model, ClassWeights current);
}

package org.learnability.runner.training;

import ai.djl.ndarray.NDManager;
import org.learnability.api.weights.ClassWeights;
import org.learnability.runner.loss.WeightedSoftmaxCrossEntropyLoss;

/** Makes the training loss for given class weights; bound in the Guice module. */
@FunctionalInterface
public interface LossFactory {

    /**
     * Makes the loss.
     *
     * @param weights the class weights
     * @param manager the manager its weight arrays live under
     * @return the loss
     */
    WeightedSoftmaxCrossEntropyLoss create(ClassWeights weights, NDManager manager);
}

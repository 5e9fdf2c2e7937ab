package org.learnability.runner.training;

import java.util.List;
import org.learnability.api.weights.ClassWeights;

/**
 * What a training run did.
 *
 * @param epochLosses the mean training loss of every epoch
 * @param epochWeights the class weights every epoch trained with
 * @param seconds wall time of the training loop
 * @param imagesPerSecond training samples processed per second of wall time
 */
public record TrainingResult(
        List<Double> epochLosses,
        List<ClassWeights> epochWeights,
        double seconds,
        double imagesPerSecond) {

    /** Takes immutable copies. */
    public TrainingResult {
        epochLosses = List.copyOf(epochLosses);
        epochWeights = List.copyOf(epochWeights);
    }
}

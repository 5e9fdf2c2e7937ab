package org.learnability.runner.training;

import java.util.List;
import org.learnability.api.scores.ClassScores;
import org.learnability.api.weights.ClassWeights;

/**
 * What a training run did.
 *
 * @param epochLosses the mean training loss of every epoch
 * @param epochWeights the class weights every epoch trained with
 * @param seconds wall time of the training loop, without what runs after each epoch (scoring, the
 *     hook)
 * @param imagesPerSecond training samples processed per second of that time
 * @param epochValidation the validation scores of the model as it stood after each epoch, where
 *     they were taken; empty otherwise
 */
public record TrainingResult(
        List<Double> epochLosses,
        List<ClassWeights> epochWeights,
        double seconds,
        double imagesPerSecond,
        List<ClassScores> epochValidation) {

    /** Takes immutable copies. */
    public TrainingResult {
        epochLosses = List.copyOf(epochLosses);
        epochWeights = List.copyOf(epochWeights);
        epochValidation = List.copyOf(epochValidation);
    }

    /**
     * Returns this result with the validation scores of every epoch.
     *
     * @param scores one per epoch
     * @return the new result
     */
    public TrainingResult withEpochValidation(List<ClassScores> scores) {
        return new TrainingResult(epochLosses, epochWeights, seconds, imagesPerSecond, scores);
    }
}

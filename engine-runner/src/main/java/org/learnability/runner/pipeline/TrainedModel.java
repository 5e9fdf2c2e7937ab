package org.learnability.runner.pipeline;

import org.learnability.api.scores.ClassScores;
import org.learnability.runner.training.TrainingResult;

/**
 * A model trained and scored by a {@link Session}: what its training did and its scores on the
 * validation and the test split.
 *
 * @param training losses, weights per epoch, time and throughput
 * @param validation per-class scores on the validation split
 * @param test per-class scores on the test split
 */
public record TrainedModel(TrainingResult training, ClassScores validation, ClassScores test) {}

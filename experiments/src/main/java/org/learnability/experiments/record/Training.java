package org.learnability.experiments.record;

/**
 * How long and on how much a model trained, and the training variant it shares with its baseline.
 *
 * @param epochs training epochs
 * @param trainSize training images
 * @param variant its schedule, averaging, warm-up, label smoothing and test-time augmentation
 */
public record Training(int epochs, int trainSize, TrainingVariant variant) {}

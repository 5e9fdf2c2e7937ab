package org.learnability.experiments.record;

/**
 * What training a model cost, and when it was done.
 *
 * @param trainedImages the images its own training went through, epochs x training images (a
 *     fine-tune's epochs only; 0 for a derived model); null in records of schemas 1 to 4, which did
 *     not record it ({@link RunRecord#trainedImages()} then gives what they trained at)
 * @param wallSeconds wall time of training
 * @param imagesPerSecond training throughput
 * @param finishedAt ISO-8601 time the record was written
 */
public record Cost(
        Long trainedImages, double wallSeconds, double imagesPerSecond, String finishedAt) {}

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
 * @param totalImages the images of its own training and of the models it builds on (the baseline
 *     whose scores weigh it, or whose parameters or logits it starts from; earlier rounds), as its
 *     mode counts them: what its compute-matched control trains; null in records written before it
 *     was recorded
 */
public record Cost(
        Long trainedImages,
        double wallSeconds,
        double imagesPerSecond,
        String finishedAt,
        Long totalImages) {

    /**
     * A cost that does not say what the model builds on.
     *
     * @param trainedImages the images its own training went through
     * @param wallSeconds wall time of training
     * @param imagesPerSecond training throughput
     * @param finishedAt ISO-8601 time the record was written
     */
    public Cost(Long trainedImages, double wallSeconds, double imagesPerSecond, String finishedAt) {
        this(trainedImages, wallSeconds, imagesPerSecond, finishedAt, null);
    }
}

package org.learnability.runner.data;

/**
 * How {@link DataSplits} divides the official training set: a stratified validation split held out
 * of it, and a stratified training subset of the rest (or all the rest).
 *
 * @param validationSize images in the validation split, an equal count per class; 0 for none
 * @param trainingSize images in the training split, an equal count per class, or {@link
 *     #ALL_REMAINING} for every image not held out
 * @param seed chooses the images
 */
public record SplitSpec(int validationSize, int trainingSize, long seed) {

    /** The default validation size. */
    public static final int DEFAULT_VALIDATION_SIZE = 5_000;

    /** A {@code trainingSize} that means every image not held out for validation. */
    public static final int ALL_REMAINING = 0;

    /** Validates the sizes. */
    public SplitSpec {
        if (validationSize < 0) {
            throw new DataException(
                    "validation size " + validationSize + " is negative; expected 0 or more");
        }
        if (trainingSize < 0) {
            throw new DataException(
                    "training size "
                            + trainingSize
                            + " is negative; expected "
                            + ALL_REMAINING
                            + " (all images not held out) or more");
        }
    }

    /**
     * Returns the default split: 5,000 validation images, every other image for training.
     *
     * @param seed chooses the images
     * @return the spec
     */
    public static SplitSpec defaults(long seed) {
        return new SplitSpec(DEFAULT_VALIDATION_SIZE, ALL_REMAINING, seed);
    }
}

package org.learnability.runner.data;

import java.util.Objects;

/**
 * The options that a user's own data needs and built-in data sets refuse: how image folders are
 * sized, how large a test split is cut from data without one, and which CSV column holds the
 * classes. Each data set checks the options it takes ({@link DatasetDefinition#checkOptions}).
 *
 * @param imageSize the side in pixels every image of a folder is resized to; 0 keeps the first
 *     image's size (then every image must have it)
 * @param testSize the images (rows) cut from data without a test set of its own, stratified; 0 when
 *     the data has one
 * @param label the CSV column that holds the classes; empty for images
 */
public record DataOptions(int imageSize, int testSize, String label) {

    /** The largest {@code imageSize}: beyond, a typing error rather than a data set in memory. */
    public static final int MAX_IMAGE_SIZE = 4096;

    /** The options of a built-in data set: none given. */
    public static final DataOptions NONE = new DataOptions(0, 0, "");

    /** Validates the options, naming the option at fault. */
    public DataOptions {
        Objects.requireNonNull(label, "label");
        if (imageSize < 0 || imageSize > MAX_IMAGE_SIZE) {
            throw new DataException(
                    "--image-size is "
                            + imageSize
                            + "; expected 0 (the first image's size) or a side in pixels from 1"
                            + " to "
                            + MAX_IMAGE_SIZE);
        }
        if (testSize < 0) {
            throw new DataException(
                    "--test-size is "
                            + testSize
                            + "; expected 0 (the data's own test set) or a whole number of"
                            + " images (rows) to hold out");
        }
    }

    /**
     * Fails unless every option is at its default: for data sets that take none.
     *
     * @param dataset the data set's name, for the message
     * @param why what the data set has instead, e.g. {@code its own test set}
     * @throws DataException naming the first option given
     */
    public void requireNone(String dataset, String why) {
        if (imageSize != 0) {
            throw refused("--image-size " + imageSize, dataset, why);
        }
        if (testSize != 0) {
            throw refused("--test-size " + testSize, dataset, why);
        }
        if (!label.isEmpty()) {
            throw refused("--label " + label, dataset, why);
        }
    }

    private static DataException refused(String option, String dataset, String why) {
        return new DataException(
                option
                        + " is for image-folder and csv data; "
                        + dataset
                        + " takes none ("
                        + why
                        + ")");
    }
}

package org.learnability.runner.data;

import java.util.Objects;

/**
 * Where a data set's test split comes from, so that every record and report can say what its test
 * figures are figures of.
 *
 * @param from {@value #OFFICIAL} (the data set's own test set), {@value #FOLDER} (the {@code test/}
 *     or {@code val/} folder beside the training images) or {@value #CUT} (held out of the data:
 *     stratified, an equal count per class, the same images for every seed)
 * @param path the folder ({@value #FOLDER}) or the data ({@value #CUT}) it comes from; empty for
 *     {@value #OFFICIAL}
 * @param images the images (rows) of the test split; 0 while not yet loaded, except for a cut,
 *     whose size is given
 */
public record TestSource(String from, String path, int images) {

    /** The data set's own test set. */
    public static final String OFFICIAL = "official";

    /** A {@code test/} or {@code val/} folder beside the training images. */
    public static final String FOLDER = "folder";

    /** Held out of the data by {@code --test-size}. */
    public static final String CUT = "cut";

    /** Validates the record. */
    public TestSource {
        Objects.requireNonNull(path, "path");
        if (!OFFICIAL.equals(from) && !FOLDER.equals(from) && !CUT.equals(from)) {
            throw new IllegalArgumentException(
                    "test split from '" + from + "'; expected official, folder or cut");
        }
        if (images < 0) {
            throw new IllegalArgumentException("test split of " + images + " images");
        }
    }

    /**
     * Returns the official test set, its size not yet known.
     *
     * @return the source
     */
    public static TestSource official() {
        return new TestSource(OFFICIAL, "", 0);
    }

    /** Tells whether the split is cut out of the training data ({@value #CUT}). */
    public boolean isCut() {
        return CUT.equals(from);
    }

    /**
     * Returns this source with the size of the loaded test split.
     *
     * @param count the test images
     * @return the source
     */
    public TestSource withImages(int count) {
        return new TestSource(from, path, count);
    }

    /**
     * Describes the split for a report.
     *
     * @return e.g. {@code 500 samples held out of /data/digits.csv (stratified, an equal count per
     *     class, the same for every seed)}
     */
    public String describe() {
        return switch (from) {
            case FOLDER -> images + " images of the folder " + path;
            case CUT ->
                    images
                            + " samples held out of "
                            + path
                            + " (stratified, an equal count per class, the same for every seed)";
            default -> "the data set's official test set of " + images + " images";
        };
    }
}

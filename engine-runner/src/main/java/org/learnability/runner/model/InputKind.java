package org.learnability.runner.model;

/**
 * What a data set's samples are and what a model takes: images {@code (C, H, W)}, or rows of a
 * table, held as {@code (features, 1, 1)} so that every split, batch and normalisation treats them
 * alike (a feature is a channel of a 1x1 image).
 */
public enum InputKind {
    /** Images, {@code C x H x W}. */
    IMAGES("images", "image"),
    /** Rows of numeric features, {@code features x 1 x 1}. */
    TABLE("a table", "row");

    private final String description;
    private final String sample;

    InputKind(String description, String sample) {
        this.description = description;
        this.sample = sample;
    }

    /**
     * Returns what one sample is called, for counts in messages.
     *
     * @return {@code image} or {@code row}
     */
    public String sample() {
        return sample;
    }

    /**
     * Returns what the input is, for messages.
     *
     * @return {@code images} or {@code a table}
     */
    public String description() {
        return description;
    }
}

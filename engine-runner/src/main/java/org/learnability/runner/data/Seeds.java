package org.learnability.runner.data;

/**
 * Derives independent seeds for the split, each epoch's shuffle, each batch's augmentation, the
 * class-weighted draws, the test cut and the halves of a split.
 */
public final class Seeds {

    /** The stream of the training/validation split. */
    public static final long SPLIT = 1;

    /** The stream of each epoch's order. */
    public static final long SHUFFLE = 2;

    /** The stream of each batch's augmentation. */
    public static final long AUGMENT = 3;

    /** The stream of each epoch's class-weighted draw. */
    public static final long SAMPLE = 4;

    /** The stream of the halves of a split. */
    public static final long HALVES = 5;

    /** The stream of the test cut of a data set without a test set of its own. */
    public static final long TEST = 6;

    private Seeds() {}

    /** Mixes the parts with SplitMix64's finaliser: nearby inputs give unrelated seeds. */
    public static long mix(long... parts) {
        long h = 0x9E3779B97F4A7C15L;
        for (long part : parts) {
            h = splitMix64(h ^ part);
        }
        return h;
    }

    private static long splitMix64(long z) {
        z += 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}

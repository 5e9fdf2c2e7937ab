package org.learnability.runner.data;

/**
 * Derives independent seeds for the split, each epoch's shuffle, each batch's augmentation, the
 * weighted draws and the test cut.
 */
final class Seeds {

    static final long SPLIT = 1;
    static final long SHUFFLE = 2;
    static final long AUGMENT = 3;
    static final long SAMPLE = 4;
    static final long TEST = 5;

    private Seeds() {}

    /** Mixes the parts with SplitMix64's finaliser: nearby inputs give unrelated seeds. */
    static long mix(long... parts) {
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

package org.learnability.experiments.io;

/** A count and its noun as output lines write them: {@code 1 epoch}, {@code 3 epochs}. */
public final class Counted {

    private Counted() {}

    /**
     * Writes a count with its noun, plural (an added {@code s}) unless the count is 1.
     *
     * @param count the count
     * @param noun the noun in the singular, e.g. {@code epoch}
     * @return e.g. {@code 1 epoch} or {@code 0 epochs}
     */
    public static String of(long count, String noun) {
        return count + " " + noun + (count == 1 ? "" : "s");
    }
}

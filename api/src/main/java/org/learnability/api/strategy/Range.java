package org.learnability.api.strategy;

/**
 * An interval of real numbers, each end open or closed; an infinite end is always open.
 *
 * @param min the lower end
 * @param minInclusive whether {@code min} itself is allowed
 * @param max the upper end
 * @param maxInclusive whether {@code max} itself is allowed
 */
public record Range(double min, boolean minInclusive, double max, boolean maxInclusive) {

    /** Validates the interval. */
    public Range {
        if (Double.isNaN(min) || Double.isNaN(max) || min > max) {
            throw new IllegalArgumentException("not an interval: " + min + " to " + max);
        }
        minInclusive = minInclusive && Double.isFinite(min);
        maxInclusive = maxInclusive && Double.isFinite(max);
    }

    /**
     * The closed interval {@code [min, max]}.
     *
     * @param min the lower end
     * @param max the upper end
     * @return the interval
     */
    public static Range closed(double min, double max) {
        return new Range(min, true, max, true);
    }

    /**
     * The interval {@code (min, inf)}.
     *
     * @param min the excluded lower end
     * @return the interval
     */
    public static Range greaterThan(double min) {
        return new Range(min, false, Double.POSITIVE_INFINITY, false);
    }

    /**
     * The interval {@code [min, inf)}.
     *
     * @param min the included lower end
     * @return the interval
     */
    public static Range atLeast(double min) {
        return new Range(min, true, Double.POSITIVE_INFINITY, false);
    }

    /**
     * Tells whether a value lies in the interval.
     *
     * @param value the value
     * @return {@code true} if it does
     */
    public boolean contains(double value) {
        return (minInclusive ? value >= min : value > min)
                && (maxInclusive ? value <= max : value < max);
    }

    @Override
    public String toString() {
        return (minInclusive ? "[" : "(")
                + format(min)
                + ", "
                + format(max)
                + (maxInclusive ? "]" : ")");
    }

    private static String format(double v) {
        if (Double.isInfinite(v)) {
            return v > 0 ? "inf" : "-inf";
        }
        return v == Math.rint(v) && Math.abs(v) < 1e15
                ? Long.toString((long) v)
                : Double.toString(v);
    }
}

package org.learnability.experiments.bench;

import java.util.Arrays;
import java.util.List;

/**
 * The median and range of a few measurements (one per round).
 *
 * @param median the median; the mean of the two middle values for an even count
 * @param min the least value
 * @param max the greatest value
 * @param values the values, in the order measured
 */
record Spread(double median, double min, double max, List<Double> values) {

    /** Copies the values. */
    Spread {
        values = List.copyOf(values);
    }

    /**
     * Summarises measurements.
     *
     * @param values one or more values
     * @return their spread
     */
    static Spread of(List<Double> values) {
        if (values.isEmpty()) {
            throw new IllegalArgumentException("no measurements");
        }
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        int n = sorted.length;
        double median = n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
        return new Spread(median, sorted[0], sorted[n - 1], values);
    }

    @Override
    public String toString() {
        return "Spread[median="
                + median
                + ", min="
                + min
                + ", max="
                + max
                + ", values="
                + Arrays.toString(values.toArray())
                + "]";
    }
}

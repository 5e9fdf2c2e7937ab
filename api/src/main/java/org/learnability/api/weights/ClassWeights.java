package org.learnability.api.weights;

import java.util.Arrays;
import java.util.List;

/**
 * Per-class loss weights, normalised so that their mean is 1 (their sum is the number of classes),
 * which keeps a weighted loss on the scale of the unweighted one:
 *
 * <pre>
 *   w_c = C * raw_c / sum_j raw_j
 * </pre>
 *
 * Every raw weight must be finite and greater than 0.
 *
 * @param values the weights; the constructor normalises them
 */
public record ClassWeights(double[] values) {

    /** Validates and normalises the weights. */
    public ClassWeights {
        if (values == null || values.length == 0) {
            throw new IllegalArgumentException("class weights need at least one class");
        }
        double sum = 0.0;
        for (int c = 0; c < values.length; c++) {
            double v = values[c];
            if (!Double.isFinite(v) || v <= 0.0) {
                throw new IllegalArgumentException(
                        "weight of class "
                                + c
                                + " is "
                                + v
                                + "; class weights must be finite and > 0");
            }
            sum += v;
        }
        if (!Double.isFinite(sum)) {
            throw new IllegalArgumentException(
                    "class weights sum to "
                            + sum
                            + "; they are too large to normalise: "
                            + Arrays.toString(values));
        }
        double[] normalised = new double[values.length];
        for (int c = 0; c < values.length; c++) {
            double scaled = values[c] * values.length;
            // C * raw_c first keeps equal weights exactly 1; it overflows only for raw_c near
            // Double.MAX_VALUE, where raw_c / sum (at most 1) is taken first instead
            normalised[c] =
                    Double.isFinite(scaled) ? scaled / sum : values[c] / sum * values.length;
            if (normalised[c] == 0.0) {
                throw new IllegalArgumentException(
                        "weight of class "
                                + c
                                + " is "
                                + values[c]
                                + ", too small beside the sum of all weights ("
                                + sum
                                + ") to normalise: it would become 0");
            }
        }
        values = normalised;
    }

    /**
     * Weights from raw values, normalised to mean 1.
     *
     * @param raw the raw weights, each finite and &gt; 0
     * @return the weights
     */
    public static ClassWeights of(double... raw) {
        return new ClassWeights(raw);
    }

    /**
     * Every class weighted 1: the unweighted loss.
     *
     * @param numClasses the number of classes
     * @return the weights
     */
    public static ClassWeights uniform(int numClasses) {
        if (numClasses < 1) {
            throw new IllegalArgumentException(
                    "class weights need at least one class, not " + numClasses);
        }
        double[] ones = new double[numClasses];
        Arrays.fill(ones, 1.0);
        return new ClassWeights(ones);
    }

    /**
     * Returns a copy of the normalised weights.
     *
     * @return the weights, mean 1
     */
    @Override
    public double[] values() {
        return values.clone();
    }

    /**
     * Returns the weight of one class.
     *
     * @param c the class
     * @return its weight
     */
    public double get(int c) {
        return values[c];
    }

    /**
     * Returns the number of classes.
     *
     * @return {@code C}
     */
    public int size() {
        return values.length;
    }

    /**
     * Returns the weights as an immutable list.
     *
     * @return the weights
     */
    public List<Double> asList() {
        return Arrays.stream(values).boxed().toList();
    }

    /**
     * Checks that these weights cover the given number of classes.
     *
     * @param numClasses the number of classes expected
     * @return these weights
     * @throws IllegalArgumentException naming both numbers when they differ
     */
    public ClassWeights requireSize(int numClasses) {
        if (values.length != numClasses) {
            throw new IllegalArgumentException(
                    values.length
                            + " class weights given for "
                            + numClasses
                            + " classes; give one weight per class");
        }
        return this;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ClassWeights w && Arrays.equals(values, w.values);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        return "ClassWeights" + Arrays.toString(values);
    }
}

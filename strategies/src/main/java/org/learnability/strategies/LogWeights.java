package org.learnability.strategies;

import java.util.Arrays;
import org.learnability.api.weights.ClassWeights;

/**
 * Class weights from their logarithms: for log raw weights {@code l_c},
 *
 * <pre>
 *   w_c = exp(l_c - max_j l_j),  then normalised to mean 1 by {@link ClassWeights}
 * </pre>
 *
 * Normalisation removes any factor common to all classes, so subtracting the maximum changes
 * nothing but keeps large exponents (gamma up to 10, a small temperature, a large eta) from
 * overflowing. A relative weight below {@link Double#MIN_NORMAL} (about 2.2e-308, far beneath
 * double precision next to the largest weight, which is 1) is raised to it, so that every class
 * keeps a positive weight however extreme the parameters.
 */
final class LogWeights {

    private LogWeights() {}

    /**
     * Exponentiates and normalises log raw weights.
     *
     * @param logRaw {@code log} of each raw weight; none NaN or {@code +inf}
     * @return the weights, mean 1
     */
    static ClassWeights normalise(double[] logRaw) {
        double max = Double.NEGATIVE_INFINITY;
        for (double l : logRaw) {
            if (Double.isNaN(l) || l == Double.POSITIVE_INFINITY) {
                throw new IllegalStateException(
                        "log weights must be finite: " + Arrays.toString(logRaw));
            }
            max = Math.max(max, l);
        }
        double[] raw = new double[logRaw.length];
        for (int c = 0; c < raw.length; c++) {
            // every l_c = -inf (all raw weights 0) cannot arise: callers floor what could be 0
            raw[c] = Math.max(Math.exp(logRaw[c] - max), Double.MIN_NORMAL);
        }
        return new ClassWeights(raw);
    }
}

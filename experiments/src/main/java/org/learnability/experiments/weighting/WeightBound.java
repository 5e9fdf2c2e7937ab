package org.learnability.experiments.weighting;

import java.util.Arrays;
import org.learnability.api.weights.ClassWeights;

/**
 * A bound on the spread of class weights, applied after any strategy and any smoothing, so that
 * weights from an under-trained baseline cannot make one class all that the model predicts. The
 * weights are clipped in log space around their geometric mean and normalised to mean 1 again:
 *
 * <pre>
 *   g    = (1/C) * sum_c ln w_c
 *   w'_c = exp(clamp(ln w_c, g - ln(R)/2, g + ln(R)/2))
 *   w''  = normalise(w')                                   max(w'') / min(w'') &lt;= R
 * </pre>
 *
 * Symmetric in log space, the bound treats a weight R times the mean like one R times below it.
 *
 * @param maxRatio R, the largest weight over the smallest, at least 1; {@code 0} bounds nothing
 */
public record WeightBound(double maxRatio) {

    /** No bound: the source paper's method. */
    public static final WeightBound NONE = new WeightBound(0);

    /** Validates R, naming the option. */
    public WeightBound {
        if (!(maxRatio == 0 || (maxRatio >= 1 && Double.isFinite(maxRatio)))) {
            throw new IllegalArgumentException(
                    "--max-weight-ratio is "
                            + maxRatio
                            + "; expected a number >= 1, or none (0) for no bound");
        }
    }

    /**
     * Tells whether this bounds anything.
     *
     * @return {@code false} for {@link #NONE}
     */
    public boolean bounds() {
        return maxRatio != 0;
    }

    /**
     * Bounds weights.
     *
     * @param weights the weights
     * @return them clipped to the ratio and normalised; the weights themselves when they are within
     *     it
     */
    public ClassWeights apply(ClassWeights weights) {
        if (!bounds() || ratio(weights) <= maxRatio) {
            return weights;
        }
        double[] log = Arrays.stream(weights.values()).map(Math::log).toArray();
        double centre = Arrays.stream(log).average().orElseThrow();
        double half = Math.log(maxRatio) / 2;
        double[] clipped =
                Arrays.stream(log)
                        .map(l -> Math.exp(Math.max(centre - half, Math.min(centre + half, l))))
                        .toArray();
        return ClassWeights.of(clipped);
    }

    /**
     * Returns the spread of weights.
     *
     * @param weights the weights
     * @return the largest weight over the smallest
     */
    public static double ratio(ClassWeights weights) {
        double[] w = weights.values();
        return Arrays.stream(w).max().orElseThrow() / Arrays.stream(w).min().orElseThrow();
    }
}

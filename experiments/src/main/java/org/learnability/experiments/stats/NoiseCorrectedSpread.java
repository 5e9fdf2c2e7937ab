package org.learnability.experiments.stats;

import java.util.List;

/**
 * The spread of the per-class TPRs with the test split's sampling noise taken out. A class's TPR
 * {@code s_c} is the share of its {@code n_c} test images classified right, a binomial proportion
 * whose variance around the class's true rate is {@code p_c (1 - p_c) / n_c}; part of {@code
 * Var(s)} is that noise, however even the classes truly are. With {@code p_c} estimated by {@code
 * s_c}:
 *
 * <pre>
 *   noise     = (1/C) * sum_c s_c (1 - s_c) / n_c      the mean binomial variance (a class without
 *                                                      test images counts 0)
 *   corrected = max(0, Var(s) - noise)                 Var(s) the population variance (Eq. 6)
 *   sd corrected = sqrt(corrected),   sd of noise = sqrt(noise)
 * </pre>
 *
 * An sd reduction smaller than what the noise alone gives ({@code sqrt(noise)}) is within what a
 * different draw of test images could change.
 *
 * @param variance {@code Var(s)}
 * @param noiseVariance the mean binomial variance of the TPRs; NaN when the images per class are
 *     not known
 */
public record NoiseCorrectedSpread(double variance, double noiseVariance) {

    /**
     * Computes the spread of TPRs measured on given numbers of images.
     *
     * @param tpr the per-class TPRs {@code s_c}
     * @param support the test images of every class {@code n_c}, in the same order; empty when not
     *     known
     * @return the spread
     */
    public static NoiseCorrectedSpread of(List<Double> tpr, List<Long> support) {
        double variance = Figures.populationVariance(tpr);
        if (support.size() != tpr.size()) {
            return new NoiseCorrectedSpread(variance, Double.NaN);
        }
        double sum = 0;
        for (int c = 0; c < tpr.size(); c++) {
            double s = tpr.get(c);
            long n = support.get(c);
            sum += n == 0 ? 0 : s * (1 - s) / n;
        }
        return new NoiseCorrectedSpread(variance, sum / tpr.size());
    }

    /**
     * Returns the variance left once the noise is taken out.
     *
     * @return {@code max(0, Var(s) - noise)}; NaN when the noise is not known
     */
    public double correctedVariance() {
        return Double.isNaN(noiseVariance) ? Double.NaN : Math.max(0, variance - noiseVariance);
    }

    /**
     * Returns the standard deviation left once the noise is taken out.
     *
     * @return {@code sqrt(max(0, Var(s) - noise))}
     */
    public double correctedSd() {
        return Math.sqrt(correctedVariance());
    }

    /**
     * Returns the standard deviation the sampling noise alone gives the TPRs.
     *
     * @return {@code sqrt(noise)}
     */
    public double noiseSd() {
        return Math.sqrt(noiseVariance);
    }
}

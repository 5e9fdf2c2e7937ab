package org.learnability.experiments.stats;

import java.util.List;
import org.apache.commons.math3.distribution.TDistribution;

/**
 * One figure summarised over seeds: its mean and a 95% confidence interval from the t distribution,
 *
 * <pre>
 *   mean = (1/n) * sum_i x_i
 *   sd   = sqrt( (1/(n-1)) * sum_i (x_i - mean)^2 )          sample standard deviation
 *   CI   = mean -/+ t_{0.975, n-1} * sd / sqrt(n)
 * </pre>
 *
 * With one seed the standard deviation and the interval are undefined: {@code NaN} (shown as {@code
 * n/a}); with none the mean is too.
 *
 * @param n the number of seeds
 * @param mean the mean
 * @param standardDeviation the sample standard deviation
 * @param ciLow the lower bound of the 95% confidence interval
 * @param ciHigh the upper bound of the 95% confidence interval
 */
public record SeedStatistics(
        int n, double mean, double standardDeviation, double ciLow, double ciHigh) {

    /** The confidence level of the interval. */
    public static final double CONFIDENCE = 0.95;

    /**
     * Absolute accuracy of the t quantile; Commons Math's default, 1e-9, is visible in the 10th
     * digit.
     */
    private static final double QUANTILE_ACCURACY = 1e-14;

    /** Checks the count. */
    public SeedStatistics {
        if (n < 0) {
            throw new IllegalArgumentException("a count of seeds cannot be negative: " + n);
        }
    }

    /**
     * Summarises values over seeds.
     *
     * @param values one value per seed
     * @return the mean and confidence interval
     */
    public static SeedStatistics of(double... values) {
        int n = values.length;
        if (n == 0) {
            return new SeedStatistics(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        }
        double sum = 0.0;
        for (double v : values) {
            sum += v;
        }
        double mean = sum / n;
        if (n == 1) {
            return new SeedStatistics(1, mean, Double.NaN, Double.NaN, Double.NaN);
        }
        double squares = 0.0;
        for (double v : values) {
            squares += (v - mean) * (v - mean);
        }
        double sd = Math.sqrt(squares / (n - 1));
        double halfWidth = tQuantile(n - 1) * sd / Math.sqrt(n);
        return new SeedStatistics(n, mean, sd, mean - halfWidth, mean + halfWidth);
    }

    /**
     * Summarises values over seeds.
     *
     * @param values one value per seed
     * @return the mean and confidence interval
     */
    public static SeedStatistics of(List<Double> values) {
        return of(values.stream().mapToDouble(Double::doubleValue).toArray());
    }

    /**
     * The two-sided critical value of the t distribution, {@code t_{0.975, df}}.
     *
     * @param degreesOfFreedom {@code n - 1}, at least 1
     * @return the 97.5% quantile
     */
    public static double tQuantile(int degreesOfFreedom) {
        return new TDistribution(degreesOfFreedom, QUANTILE_ACCURACY)
                .inverseCumulativeProbability(1.0 - (1.0 - CONFIDENCE) / 2.0);
    }

    /**
     * Returns the half width of the interval.
     *
     * @return {@code t_{0.975, n-1} * sd / sqrt(n)}, {@code NaN} when undefined
     */
    public double halfWidth() {
        return (ciHigh - ciLow) / 2.0;
    }

    /**
     * Tells whether the interval is defined.
     *
     * @return {@code true} for two or more seeds
     */
    public boolean hasInterval() {
        return !Double.isNaN(ciLow);
    }
}

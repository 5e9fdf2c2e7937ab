package org.learnability.experiments.stats;

import java.util.Arrays;
import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.stat.ranking.NaNStrategy;
import org.apache.commons.math3.stat.ranking.NaturalRanking;
import org.apache.commons.math3.stat.ranking.TiesStrategy;

/**
 * Whether a strategy reduces the spread of per-class TPRs: one-sided paired tests of {@code H1: D >
 * 0} against {@code H0: D = 0}, on the per-seed reductions {@code D_i = Var(s_i) - Var(s'_i)}
 * (baseline minus strategy, same engine and seed).
 *
 * <p><b>Headline: the one-sided paired t-test.</b>
 *
 * <pre>
 *   t   = mean(D) / (sd(D) / sqrt(n))        sd the sample standard deviation
 *   p_t = P(T_{n-1} &gt;= t)
 * </pre>
 *
 * This equals half the two-sided p of Commons Math's {@code TTest.pairedTTest(baseline, strategy)}
 * when {@code t > 0}. Chosen as the headline because experiments run few seeds (3 by default, 5 in
 * the paper's preset) and an exact rank test cannot be significant there: the smallest one-sided
 * Wilcoxon p is {@code 1/2^n}, 0.125 for 3 seeds, 0.0625 for 4, 0.031 for 5. The t-test assumes
 * that D is roughly normal across seeds; it is undefined ({@code NaN}) for fewer than 2 seeds or
 * when every seed gives the same D.
 *
 * <p><b>Robustness check: the exact Wilcoxon signed-rank test</b>, free of the normality
 * assumption. Seeds with {@code D = 0} are dropped (Wilcoxon's convention), the others ranked by
 * {@code |D|} (ties get their average rank), {@code W+} is the sum of the ranks of positive D, and
 *
 * <pre>
 *   p_W = P(W+ &gt;= observed W+)
 * </pre>
 *
 * under H0, where every rank's sign is + or - with probability 1/2, computed exactly for any n (by
 * convolution over the ranks, so ties are exact too). Commons Math's {@code WilcoxonSignedRankTest}
 * gives only a two-sided p, counts zero differences as negative and is exact only up to 30 pairs,
 * hence this small computation.
 *
 * @param n the number of seeds
 * @param positive the number of seeds with {@code D > 0}
 * @param t the t statistic
 * @param pT the one-sided p of the paired t-test
 * @param wPlus Wilcoxon's {@code W+}
 * @param pWilcoxon the exact one-sided p of the Wilcoxon signed-rank test
 */
public record Significance(
        int n, int positive, double t, double pT, double wPlus, double pWilcoxon) {

    /**
     * Tests per-seed reductions.
     *
     * @param d {@code D} of every seed
     * @return both tests; a p is {@code NaN} where its test is undefined
     */
    public static Significance ofReductions(double... d) {
        int n = d.length;
        int positive = (int) Arrays.stream(d).filter(v -> v > 0).count();
        double t = tStatistic(d);
        double pT =
                Double.isFinite(t)
                        ? new TDistribution(n - 1).cumulativeProbability(-t)
                        : Double.NaN;
        double[] nonZero = Arrays.stream(d).filter(v -> v != 0.0).toArray();
        if (nonZero.length == 0) {
            return new Significance(n, positive, t, pT, Double.NaN, Double.NaN);
        }
        double[] ranks =
                new NaturalRanking(NaNStrategy.FAILED, TiesStrategy.AVERAGE)
                        .rank(Arrays.stream(nonZero).map(Math::abs).toArray());
        // average ranks are whole or half numbers: doubled, they are whole
        int[] doubled = Arrays.stream(ranks).mapToInt(r -> (int) Math.round(2 * r)).toArray();
        int observed = 0;
        for (int i = 0; i < nonZero.length; i++) {
            if (nonZero[i] > 0) {
                observed += doubled[i];
            }
        }
        return new Significance(n, positive, t, pT, observed / 2.0, upperTail(doubled, observed));
    }

    private static double tStatistic(double[] d) {
        int n = d.length;
        if (n < 2) {
            return Double.NaN;
        }
        SeedStatistics s = SeedStatistics.of(d);
        if (s.standardDeviation() == 0.0) {
            return Double.NaN;
        }
        return s.mean() / (s.standardDeviation() / Math.sqrt(n));
    }

    /** P(sum of the ranks given + &gt;= observed) when every sign is + with probability 1/2. */
    private static double upperTail(int[] ranks, int observed) {
        int total = Arrays.stream(ranks).sum();
        double[] p = new double[total + 1];
        p[0] = 1.0;
        int reach = 0;
        for (int r : ranks) {
            double[] next = new double[total + 1];
            for (int s = 0; s <= reach; s++) {
                next[s] += p[s] / 2;
                next[s + r] += p[s] / 2;
            }
            p = next;
            reach += r;
        }
        double tail = 0.0;
        for (int s = observed; s <= total; s++) {
            tail += p[s];
        }
        return tail;
    }
}

package org.learnability.experiments.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.math3.stat.inference.TTest;
import org.apache.commons.math3.stat.inference.WilcoxonSignedRankTest;
import org.junit.jupiter.api.Test;

class SignificanceTest {

    // Var(s) on the test split of the baseline and of mean-ratio:gamma=2, seeds 1-3 (AnalysisTest)
    private static final double[] BASELINE_VAR = {3.0 / 200, 133.0 / 11250, 871.0 / 45000};
    private static final double[] STRATEGY_VAR = {19.0 / 5000, 61.0 / 11250, 241.0 / 45000};

    @Test
    void pairedTTestOfThreeSeeds() {
        // D = 7/625, 4/625, 7/500; mean 79/7500, sd 0.0038436094147732198;
        // t = mean / (sd / sqrt(3)) = 4.7466499681962665 (mpmath);
        // with 2 degrees of freedom P(T >= t) = 1/2 - t / (2 sqrt(t^2 + 2)) = 0.020815937545830995
        Significance s = Significance.ofReductions(7.0 / 625, 4.0 / 625, 7.0 / 500);
        assertEquals(3, s.n());
        assertEquals(3, s.positive());
        assertEquals(4.7466499681962665, s.t(), 1e-13);
        assertEquals(0.020815937545830995, s.pT(), 1e-14);
        // the same as half the two-sided p of Commons Math's paired t-test
        assertEquals(new TTest().pairedTTest(BASELINE_VAR, STRATEGY_VAR) / 2, s.pT(), 1e-12);
    }

    @Test
    void exactWilcoxonOfThreeSeeds() {
        // all three D > 0: W+ = 1 + 2 + 3 = 6, the largest of the 2^3 equally likely sums: p = 1/8
        Significance all = Significance.ofReductions(7.0 / 625, 4.0 / 625, 7.0 / 500);
        assertEquals(6.0, all.wPlus(), 0.0);
        assertEquals(0.125, all.pWilcoxon(), 0.0);
        // difficulty: D = -193/45000, 4/1125, 187/45000; |D| ranks 3, 1, 2; W+ = 1 + 2 = 3;
        // subset sums of {1, 2, 3}: 0, 1, 2, 3, 3, 4, 5, 6, five of them >= 3: p = 5/8
        Significance mixed = Significance.ofReductions(-193.0 / 45000, 4.0 / 1125, 187.0 / 45000);
        assertEquals(2, mixed.positive());
        assertEquals(3.0, mixed.wPlus(), 0.0);
        assertEquals(0.625, mixed.pWilcoxon(), 0.0);
        // scipy.stats.ttest_1samp(d, 0, alternative='greater'): t = 0.41933841771182365, p =
        // 0.35785856082249043
        assertEquals(0.41933841771182365, mixed.t(), 1e-13);
        assertEquals(0.35785856082249043, mixed.pT(), 1e-13);
    }

    @Test
    void fiveSeedsCanReachFivePercentOnlyWhenAllImprove() {
        Significance s = Significance.ofReductions(0.01, 0.02, 0.03, 0.04, 0.05);
        assertEquals(1.0 / 32, s.pWilcoxon(), 0.0);
        // Commons Math's exact test is two-sided: twice ours
        double twoSided =
                new WilcoxonSignedRankTest()
                        .wilcoxonSignedRankTest(
                                new double[] {0.01, 0.02, 0.03, 0.04, 0.05}, new double[5], true);
        assertEquals(2 * s.pWilcoxon(), twoSided, 1e-15);
    }

    @Test
    void sixSeedsMatchScipy() {
        double[] d = {0.012, -0.003, 0.008, 0.015, 0.001, -0.006};
        Significance s = Significance.ofReductions(d);
        // scipy.stats.wilcoxon(d, alternative='greater', method='exact'): statistic 16, p 0.15625
        // (= 10/64)
        assertEquals(16.0, s.wPlus(), 0.0);
        assertEquals(10.0 / 64, s.pWilcoxon(), 0.0);
        // scipy.stats.ttest_1samp(d, 0, alternative='greater'): t 1.3035722838802228, p
        // 0.12458537104519969
        assertEquals(1.3035722838802228, s.t(), 1e-13);
        assertEquals(0.12458537104519969, s.pT(), 1e-13);
    }

    @Test
    void tiesGetTheirAverageRankAndTheDistributionStaysExact() {
        // |D| = 0.1, 0.1, 0.2: ranks 1.5, 1.5, 3; W+ = 1.5 + 3 = 4.5;
        // sums of sign choices: 0, 1.5, 1.5, 3, 3, 4.5, 4.5, 6: P(W+ >= 4.5) = 3/8
        Significance s = Significance.ofReductions(0.1, -0.1, 0.2);
        assertEquals(4.5, s.wPlus(), 0.0);
        assertEquals(0.375, s.pWilcoxon(), 0.0);
    }

    @Test
    void zeroReductionsAreDroppedFromTheRankTestOnly() {
        Significance s = Significance.ofReductions(0.0, 0.1, 0.2);
        assertEquals(0.25, s.pWilcoxon(), 0.0); // two non-zero, both positive: 1/4
        assertEquals(3, s.n());
        // t over all three: mean 0.1, sd 0.1, t = sqrt(3)
        assertEquals(Math.sqrt(3), s.t(), 1e-14);
    }

    @Test
    void undefinedCases() {
        Significance one = Significance.ofReductions(0.01);
        assertTrue(Double.isNaN(one.t()) && Double.isNaN(one.pT()));
        assertEquals(0.5, one.pWilcoxon(), 0.0);
        Significance same = Significance.ofReductions(0.01, 0.01, 0.01);
        assertTrue(Double.isNaN(same.pT()), "every seed the same D: t undefined");
        Significance none = Significance.ofReductions();
        assertEquals(0, none.n());
        assertTrue(Double.isNaN(none.pT()) && Double.isNaN(none.pWilcoxon()));
        assertTrue(Double.isNaN(Significance.ofReductions(0.0, 0.0).pWilcoxon()));
    }

    @Test
    void worseningGivesLargePValues() {
        Significance s = Significance.ofReductions(-0.01, -0.02, -0.015);
        assertEquals(1.0, s.pWilcoxon(), 0.0);
        // scipy.stats.ttest_1samp(d, 0, alternative='greater'): p 0.9824506406770077
        assertEquals(0.9824506406770077, s.pT(), 1e-13);
    }
}

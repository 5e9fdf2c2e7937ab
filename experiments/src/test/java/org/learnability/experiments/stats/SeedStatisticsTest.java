package org.learnability.experiments.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SeedStatisticsTest {

    // t_{0.975, df} to 20 digits (mpmath, 40-digit precision: root of the regularised incomplete
    // beta function; for df = 2 also the closed form 0.95 * sqrt(2 / (4 * 0.975 * 0.025))):
    //   df = 2: 4.30265272974946372339
    //   df = 4: 2.77644510519779430355
    private static final double T2 = 4.3026527297494637;
    private static final double T4 = 2.7764451051977943;

    @Test
    void tQuantilesMatchTheirExactValues() {
        assertEquals(T2, SeedStatistics.tQuantile(2), 1e-13);
        assertEquals(T4, SeedStatistics.tQuantile(4), 1e-13);
    }

    @Test
    void meanAndConfidenceIntervalOfThreeSeeds() {
        // D of mean-ratio:gamma=2 over seeds 1-3 (see AnalysisTest): 7/625, 4/625, 7/500.
        // mean = 79/7500; sample variance = 277/18750000; sd = 0.0038436094147732198172;
        // half width = T2 * sd / sqrt(3) = 0.0095480550964767751435
        SeedStatistics s = SeedStatistics.of(7.0 / 625, 4.0 / 625, 7.0 / 500);
        assertEquals(3, s.n());
        assertEquals(79.0 / 7500, s.mean(), 1e-16);
        assertEquals(0.0038436094147732198, s.standardDeviation(), 1e-16);
        assertEquals(0.00098527823685655819, s.ciLow(), 1e-15);
        assertEquals(0.020081388429810108, s.ciHigh(), 1e-15);
        assertEquals(0.0095480550964767751, s.halfWidth(), 1e-15);
        assertTrue(s.hasInterval());
    }

    @Test
    void fiveSeedsUseFourDegreesOfFreedom() {
        // 1..5: mean 3, sample sd sqrt(2.5); half width T4 * sqrt(2.5) / sqrt(5) = T4 / sqrt(2)
        SeedStatistics s = SeedStatistics.of(1, 2, 3, 4, 5);
        assertEquals(3.0, s.mean(), 0.0);
        assertEquals(Math.sqrt(2.5), s.standardDeviation(), 1e-15);
        assertEquals(3.0 - T4 / Math.sqrt(2), s.ciLow(), 1e-13);
        assertEquals(3.0 + T4 / Math.sqrt(2), s.ciHigh(), 1e-13);
    }

    @Test
    void oneSeedHasAMeanButNoInterval() {
        SeedStatistics s = SeedStatistics.of(0.25);
        assertEquals(1, s.n());
        assertEquals(0.25, s.mean(), 0.0);
        assertTrue(Double.isNaN(s.standardDeviation()));
        assertTrue(
                Double.isNaN(s.ciLow()) && Double.isNaN(s.ciHigh()) && Double.isNaN(s.halfWidth()));
        assertFalse(s.hasInterval());
    }

    @Test
    void noSeedHasNothing() {
        SeedStatistics s = SeedStatistics.of();
        assertEquals(0, s.n());
        assertTrue(Double.isNaN(s.mean()));
    }

    @Test
    void equalValuesHaveAZeroWidthInterval() {
        SeedStatistics s = SeedStatistics.of(0.5, 0.5, 0.5);
        assertEquals(0.0, s.standardDeviation(), 0.0);
        assertEquals(0.5, s.ciLow(), 0.0);
        assertEquals(0.5, s.ciHigh(), 0.0);
    }
}

package org.learnability.experiments.record;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.learnability.experiments.stats.SyntheticRuns;

/** Collapse and weak-baseline detection on hand-made records. */
class TrainingWarningsTest {

    private static final double[] ONES = {1, 1, 1};

    @Test
    void aDropBeyondTheThresholdIsACollapse() {
        Collapse c = Collapse.detect(0.65, 0.116, 0.05);
        assertEquals(0.534, c.drop(), 1e-12);
        assertEquals(0.65, c.baselineAccuracy());
        assertNull(Collapse.detect(0.65, 0.61, 0.05), "a drop of 0.04 is not");
        assertNull(Collapse.detect(0.65, 0.70, 0.05), "a gain is not");
    }

    @Test
    void aBaselineWithAClassBelowTenPercentOrNearChanceIsWeak() {
        // validation TPRs are the test TPRs less 0.02: 0.90, 0.90, 0.09; accuracy (100 images a
        // class) 1.89 / 3 = 0.63, below 2 x chance = 0.667; bird's 0.09 below 0.1
        RunRecord weak =
                SyntheticRuns.run("PyTorch", 1, "two-stage", "uniform", 0, ONES, 0.92, 0.92, 0.11);
        WeakBaseline w = WeakBaseline.of(weak).orElseThrow();
        assertEquals("bird", w.worstClass());
        assertEquals(0.09, w.worstTpr(), 1e-12);
        assertEquals("accuracy 0.630 < 2 x chance (0.667), bird TPR 0.090 < 0.1", w.reason());

        // 0.90, 0.88, 0.15: accuracy 0.643 < 0.667, every class at 0.1 or more
        RunRecord nearChance =
                SyntheticRuns.run("PyTorch", 1, "two-stage", "uniform", 0, ONES, 0.92, 0.90, 0.17);
        assertEquals(
                "accuracy 0.643 < 2 x chance (0.667)",
                WeakBaseline.of(nearChance).orElseThrow().reason());

        // 0.90, 0.88, 0.78: accuracy 0.853, no class below 0.1
        RunRecord fine =
                SyntheticRuns.run("PyTorch", 1, "two-stage", "uniform", 0, ONES, 0.92, 0.90, 0.80);
        assertTrue(WeakBaseline.of(fine).isEmpty());
    }
}

package org.learnability.experiments.weighting;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.learnability.api.weights.ClassWeights;

/** The bound on the weights, against values worked out by hand. */
class WeightBoundTest {

    @Test
    void clipsInLogSpaceAroundTheGeometricMean() {
        // logs ln 4, 0, -ln 4: mean 0; R = 4 clips them to [-ln 2, ln 2]: raw 2, 1, 0.5;
        // normalised to mean 1 (sum 3.5): 6/3.5, 3/3.5, 1.5/3.5
        ClassWeights bounded = new WeightBound(4).apply(ClassWeights.of(4, 1, 0.25));
        assertArrayEquals(new double[] {6 / 3.5, 3 / 3.5, 1.5 / 3.5}, bounded.values(), 1e-12);
        assertEquals(4, WeightBound.ratio(bounded), 1e-12);
    }

    @Test
    void theIssuesShirtExample() {
        // Shirt 8.5, nine classes 0.05: ln 8.5 = 2.140066, ln 0.05 = -2.995732;
        // g = (2.140066 - 9 x 2.995732) / 10 = -2.482152; ln(5)/2 = 0.804719;
        // Shirt clipped to g + 0.804719 = -1.677433, e^-1.677433 = 0.186853; the others, at
        // -2.995732 > g - 0.804719 = -3.286871, stay: ratio 0.186853 / 0.05 = 3.73706 <= 5;
        // normalised (sum 9 x 0.05 + 0.186853 = 0.636853): Shirt 10 x 0.186853 / 0.636853 =
        // 2.934004, the others 10 x 0.05 / 0.636853 = 0.785111
        double[] raw = {0.05, 0.05, 0.05, 0.05, 0.05, 0.05, 8.5, 0.05, 0.05, 0.05};
        ClassWeights bounded = new WeightBound(5).apply(ClassWeights.of(raw));
        assertEquals(2.934004, bounded.get(6), 1e-5);
        assertEquals(0.785111, bounded.get(0), 1e-5);
        assertEquals(3.73706, WeightBound.ratio(bounded), 1e-4);
    }

    @Test
    void weightsWithinTheBoundAndNoBoundChangeNothing() {
        ClassWeights within = ClassWeights.of(2, 1, 1);
        assertSame(within, new WeightBound(5).apply(within));
        ClassWeights wide = ClassWeights.of(1000, 1, 1);
        assertSame(wide, WeightBound.NONE.apply(wide));
    }

    @Test
    void aRatioOfOneMakesEveryWeightOne() {
        assertArrayEquals(
                new double[] {1, 1, 1},
                new WeightBound(1).apply(ClassWeights.of(9, 3, 1)).values(),
                1e-12);
    }

    @Test
    void aRatioBelowOneIsRefusedNamingTheOption() {
        assertEquals(
                "--max-weight-ratio is 0.5; expected a number >= 1, or none (0) for no bound",
                assertThrows(IllegalArgumentException.class, () -> new WeightBound(0.5))
                        .getMessage());
    }
}

package org.learnability.experiments.weighting;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;
import org.learnability.api.weights.ClassWeights;

/** Smoothing of recomputed weights against figures computed by hand. */
class WeightSmoothingTest {

    private static final ClassWeights PREVIOUS = ClassWeights.of(0.5, 1.5, 1.0);
    private static final ClassWeights PROPOSED = ClassWeights.of(2.1, 0.3, 0.6);

    @Test
    void withoutSmoothingTheStrategysWeightsPassAsTheyAre() {
        assertSame(PROPOSED, WeightSmoothing.NONE.apply(PREVIOUS, PROPOSED));
    }

    @Test
    void emaAveragesWithThePreviousWeights() {
        // 0.25 * [0.5, 1.5, 1.0] + 0.75 * [2.1, 0.3, 0.6] = [1.7, 0.6, 0.7], mean 1 already
        assertArrayEquals(
                new double[] {1.7, 0.6, 0.7},
                new WeightSmoothing(0.25, 0, 1).apply(PREVIOUS, PROPOSED).values(),
                1e-12);
    }

    @Test
    void uniformMixPullsTowardsOne() {
        // 0.8 * [2.1, 0.3, 0.6] + 0.2 = [1.88, 0.44, 0.68]
        assertArrayEquals(
                new double[] {1.88, 0.44, 0.68},
                new WeightSmoothing(0, 0.2, 1).apply(PREVIOUS, PROPOSED).values(),
                1e-12);
    }

    @Test
    void emaThenMix() {
        // 0.8 * [1.7, 0.6, 0.7] + 0.2 = [1.56, 0.68, 0.76]
        assertArrayEquals(
                new double[] {1.56, 0.68, 0.76},
                new WeightSmoothing(0.25, 0.2, 1).apply(PREVIOUS, PROPOSED).values(),
                1e-12);
    }
}

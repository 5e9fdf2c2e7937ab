package org.learnability.experiments.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.learnability.api.scores.ClassScores;
import org.learnability.api.scores.ConfusionMatrix;
import org.learnability.experiments.record.SplitScores;

/** The spread without the sampling noise, and the spread per unit of error, by hand. */
class NoiseCorrectedSpreadTest {

    private static final double EPS = 1e-15;

    private static Figures figures(long[][] counts) {
        return Figures.of(SplitScores.of(ClassScores.of(ConfusionMatrix.of(counts))));
    }

    @Test
    void theNoiseCorrectedVarianceOfAHandMadeConfusionMatrix() {
        // rows actual: 10 images of class 0 (8 right), 5 of class 1 (3 right), 20 of class 2 (all)
        Figures f = figures(new long[][] {{8, 2, 0}, {1, 3, 1}, {0, 0, 20}});
        // s = 0.8, 0.6, 1.0; mean 0.8; Var = (0 + 0.04 + 0.04) / 3 = 0.08 / 3
        assertEquals(0.08 / 3, f.noise().variance(), EPS);
        // noise = (0.8 * 0.2 / 10 + 0.6 * 0.4 / 5 + 1.0 * 0.0 / 20) / 3 = (0.016 + 0.048) / 3
        assertEquals(0.064 / 3, f.noise().noiseVariance(), EPS);
        // corrected = 0.08 / 3 - 0.064 / 3 = 0.016 / 3; sd sqrt(0.016 / 3) = 0.0730296743340221...
        assertEquals(0.016 / 3, f.noise().correctedVariance(), EPS);
        assertEquals(0.07302967433402215, f.noise().correctedSd(), EPS);
        // what the noise alone gives: sqrt(0.064 / 3) = 0.1460593486680443...
        assertEquals(0.1460593486680443, f.noise().noiseSd(), EPS);
        // accuracy 31/35, so 1 - accuracy = 4/35: sd / (1 - accuracy) = sqrt(0.08 / 3) * 35 / 4
        assertEquals(1.4288690166235207, f.sdPerError(), 1e-14);
        assertEquals(f.sdPerError(), Measure.SD_PER_ERROR.of(f), 0.0);
        assertEquals(f.noise().correctedSd(), Measure.SD_CORRECTED.of(f), 0.0);
        assertEquals(f.noise().noiseSd(), Measure.SD_NOISE.of(f), 0.0);
    }

    @Test
    void aSpreadSmallerThanTheNoiseIsFlooredAtZero() {
        // s = 0.9, 0.9: Var 0, noise (0.09 / 10 + 0.09 / 10) / 2 = 0.009
        Figures f = figures(new long[][] {{9, 1}, {1, 9}});
        assertEquals(0.009, f.noise().noiseVariance(), EPS);
        assertEquals(0.0, f.noise().correctedVariance(), 0.0);
        assertEquals(0.0, f.noise().correctedSd(), 0.0);
    }

    @Test
    void withoutImagesPerClassTheNoiseIsUnknownAndAPerfectModelHasNoSpreadPerError() {
        NoiseCorrectedSpread unknown = NoiseCorrectedSpread.of(List.of(0.9, 0.7), List.of());
        assertEquals(0.01, unknown.variance(), EPS);
        assertTrue(Double.isNaN(unknown.correctedSd()));
        assertTrue(Double.isNaN(unknown.noiseSd()));
        assertTrue(Double.isNaN(figures(new long[][] {{5, 0}, {0, 5}}).sdPerError()));
        // a class without test images adds no noise: (0.5 * 0.5 / 4 + 0) / 2
        assertEquals(
                0.25 / 4 / 2,
                NoiseCorrectedSpread.of(List.of(0.5, 0.0), List.of(4L, 0L)).noiseVariance(),
                EPS);
    }
}

package org.learnability.experiments.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.learnability.experiments.record.SplitScores;

class FiguresTest {

    private static final double EPS = 1e-15;

    @Test
    void figuresOfHandChosenScores() {
        SplitScores scores =
                new SplitScores(
                        List.of(0.90, 0.60, 0.75, 0.55),
                        List.of(0.8, 0.7, 0.6, 0.9),
                        List.of(0.8, 0.7, 0.6, 0.5),
                        0.7,
                        List.of());
        Figures f = Figures.of(scores);
        // mean 0.7; deviations 0.2, -0.1, 0.05, -0.15; squares 0.04 + 0.01 + 0.0025 + 0.0225 =
        // 0.075;
        // Var = 0.075 / 4 = 3/160 = 0.01875 (population variance, divided by C, not C - 1)
        assertEquals(0.01875, f.variance(), EPS);
        // sqrt(3/160), mpmath: 0.13693063937629152836...
        assertEquals(0.13693063937629153, f.standardDeviation(), EPS);
        assertEquals(0.55, f.worstTpr(), 0.0);
        assertEquals(3, f.worstClass());
        assertEquals(0.35, f.gap(), EPS);
        assertEquals(0.65, f.macroF1(), EPS); // (0.8 + 0.7 + 0.6 + 0.5) / 4
        assertEquals(0.7, f.accuracy(), 0.0);
        assertEquals(List.of(0.8, 0.7, 0.6, 0.9), f.precision());
    }

    @Test
    void macroF1FollowsFromTheConfusionMatrix() {
        // rows cat (90 cat, 10 dog), dog (60 dog, 40 bird), bird (75 bird, 25 cat):
        // precision = 90/115, 60/70, 75/115 = 18/23, 6/7, 15/23; recall 0.9, 0.6, 0.75;
        // F1 = 2pr/(p+r) = 36/43, 12/17, 30/43; macro-F1 = 546/731
        Figures f = Figures.of(SyntheticRuns.scores(0.90, 0.60, 0.75));
        assertEquals(36.0 / 43, f.f1().get(0), EPS);
        assertEquals(12.0 / 17, f.f1().get(1), EPS);
        assertEquals(546.0 / 731, f.macroF1(), EPS);
        assertEquals(0.75, f.accuracy(), EPS); // 225 / 300
        assertEquals(0.015, f.variance(), EPS); // deviations 0.15, -0.15, 0: 0.045 / 3
    }

    @Test
    void theFirstOfTiedWorstClassesIsReported() {
        Figures f =
                Figures.of(
                        new SplitScores(
                                List.of(0.8, 0.5, 0.5),
                                List.of(1.0, 1.0, 1.0),
                                List.of(1.0, 1.0, 1.0),
                                0.6,
                                List.of()));
        assertEquals(1, f.worstClass());
        assertEquals(0.3, f.gap(), EPS);
    }

    @Test
    void oneClassHasNoSpread() {
        assertEquals(0.0, Figures.populationVariance(List.of(0.7)), 0.0);
        assertEquals(
                0.0,
                Figures.populationVariance(List.of(0.4, 0.4, 0.4)),
                1e-30); // 1.2000000000000002 / 3 is not 0.4
    }

    @Test
    void scoresOfDifferentLengthsAreRejected() {
        SplitScores bad =
                new SplitScores(List.of(0.5, 0.6), List.of(0.5), List.of(0.5, 0.6), 0.5, List.of());
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> Figures.of(bad));
        assertTrue(e.getMessage().contains("2 TPRs, 1 precisions, 2 F1 scores"), e.getMessage());
    }
}

package org.learnability.experiments.mode.posthoc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.learnability.api.scores.ClassScores;
import org.learnability.api.scores.ConfusionMatrix;
import org.learnability.api.weights.ClassWeights;
import org.learnability.experiments.record.FrontierPoint;

/**
 * The offsets' trade-off frontier of a hand-made score set, against a hand computation. Two
 * classes; a sample's logits are {@code (d, 0)}, and the weights {@code w ∝ (e^-1, e)} give offsets
 * whose difference is {@code b_1 - b_0 = 2T}: a sample moves from class 0 to class 1 once {@code 2T
 * > d}, at the first T of the grid (steps of 0.05) past {@code d / 2}.
 */
class OffsetFrontierTest {

    private static final double EPS = 1e-12;

    /** {@code count} samples of class {@code label} whose logits are {@code (d, 0)}. */
    private record Samples(int label, double d, int count) {}

    /**
     * Validation, 125 images per class, 1 image = 0.4 points. Class 0: 117 far from the boundary,
     * and 1 at d = 0.32, 2 at 0.52, 2 at 1.92, 3 at 2.92, lost past T = 0.16, 0.26, 0.96 and 1.46.
     * Class 1: 75 right always, 48 wrong always, 1 at d = 0.12 and 1 at 0.92, won past T = 0.06 and
     * 0.46. By T:
     *
     * <pre>
     *   T            class 0   class 1   accuracy          sd = |s_0 - s_1| / 2
     *   0, .05       125       75        200/250 = .800    .200
     *   .1, .15      125       76        .804              .196
     *   .2, .25      124       76        .800              .192
     *   .3 - .45     122       76        .792              .184
     *   .5 - .95     122       77        .796              .180
     *   1.0 - 1.45   120       77        .788              .172
     *   1.5 - 5      117       77        .776              .160
     * </pre>
     *
     * Budget 0 and 0.25 points (accuracy at least .800, .7975): T = 0.2, sd .192; 0.5 and 1 point
     * (.795, .790): T = 0.5, sd .180 (T = 0.3's .184 is wider); 2 points (.780): T = 1.0, sd .172.
     */
    private static final List<Samples> VALIDATION =
            List.of(
                    new Samples(0, 20, 117),
                    new Samples(0, 0.32, 1),
                    new Samples(0, 0.52, 2),
                    new Samples(0, 1.92, 2),
                    new Samples(0, 2.92, 3),
                    new Samples(1, -20, 75),
                    new Samples(1, 20, 48),
                    new Samples(1, 0.12, 1),
                    new Samples(1, 0.92, 1));

    /**
     * Test, 100 images per class. Class 0: 93 far, 2 at d = 0.42 (lost past T = 0.21), 5 at 1.5
     * (past 0.75). Class 1: 70 right, 20 wrong always, 10 at d = 0.7 (won past 0.35). At T = 0.2:
     * 100 and 70 right, accuracy .85, sd .15; at T = 0.5: 98 and 80, .89, sd .09; at T = 1.0: 93
     * and 80, .865, sd .065.
     */
    private static final List<Samples> TEST =
            List.of(
                    new Samples(0, 20, 93),
                    new Samples(0, 0.42, 2),
                    new Samples(0, 1.5, 5),
                    new Samples(1, -20, 70),
                    new Samples(1, 20, 20),
                    new Samples(1, 0.7, 10));

    /** Scores {@code argmax_c (x_c + b_c)} as {@code Logits.score} does, in Java. */
    private static Function<double[], ClassScores> scorer(List<Samples> samples) {
        return b -> {
            long[][] counts = new long[2][2];
            for (Samples s : samples) {
                int predicted = s.d() + b[0] > b[1] ? 0 : 1;
                counts[s.label()][predicted] += s.count();
            }
            return ClassScores.of(ConfusionMatrix.of(counts));
        };
    }

    private static final ClassWeights WEIGHTS = ClassWeights.of(Math.exp(-1), Math.exp(1));

    @Test
    void theFrontierOfAHandMadeScoreSetIsTheHandComputation() {
        TemperatureSweep sweep = new TemperatureSweep(WEIGHTS, scorer(VALIDATION));
        List<FrontierPoint> frontier = new OffsetFrontier(sweep, scorer(TEST)).points();
        assertEquals(OffsetFrontier.BUDGETS, frontier.stream().map(FrontierPoint::budget).toList());
        assertEquals(
                List.of(0.2, 0.2, 0.5, 0.5, 1.0),
                frontier.stream().map(FrontierPoint::temperature).toList());
        point(frontier.get(0), 0.800, 0.192, 0.85, 0.15);
        point(frontier.get(1), 0.800, 0.192, 0.85, 0.15);
        point(frontier.get(2), 0.796, 0.180, 0.89, 0.09);
        point(frontier.get(3), 0.796, 0.180, 0.89, 0.09);
        point(frontier.get(4), 0.788, 0.172, 0.865, 0.065);
    }

    @Test
    void posthocChoosesTheFrontiersPointAtItsTolerance() {
        TemperatureSweep sweep = new TemperatureSweep(WEIGHTS, scorer(VALIDATION));
        assertEquals(4, sweep.choose(0.0), "T = 0.2: as accurate as T = 0, and narrower");
        assertEquals(10, sweep.choose(0.005), "T = 0.5");
        assertEquals(0.5, sweep.temperature(sweep.choose(0.005)), 0.0);
        assertEquals(30, sweep.choose(1), "any accuracy: the narrowest, the first of T >= 1.5");
    }

    private static void point(
            FrontierPoint p,
            double validationAccuracy,
            double validationSd,
            double testAccuracy,
            double testSd) {
        assertEquals(validationAccuracy, p.validationAccuracy(), EPS, "validation accuracy");
        assertEquals(validationSd, p.validationSd(), EPS, "validation sd");
        assertEquals(testAccuracy, p.testAccuracy(), EPS, "test accuracy");
        assertEquals(testSd, p.testSd(), EPS, "test sd");
    }
}

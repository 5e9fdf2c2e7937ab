package org.learnability.strategies;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.learnability.strategies.Strategies.assertWeights;
import static org.learnability.strategies.Strategies.matrix;
import static org.learnability.strategies.Strategies.weights;

import java.util.List;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.learnability.api.registry.StrategyRegistry;
import org.learnability.api.scores.ClassScores;
import org.learnability.api.strategy.StrategyException;

/** Scores at the edges: TPR 0, TPR 1, one class, empty rows, a metric the scores cannot give. */
class EdgeCaseTest {

    private static final double TOLERANCE = 1e-9;

    /** A spec of every strategy that weights by a score, with default parameters. */
    private static final List<String> SCORE_BASED =
            List.of(
                    "mean-ratio",
                    "shifted-power",
                    "difficulty",
                    "difficulty:tau=dynamic",
                    "softmax",
                    "multiplicative",
                    "additive");

    private static final List<String> ALL =
            List.of(
                    "uniform",
                    "mean-ratio",
                    "shifted-power",
                    "difficulty",
                    "difficulty:tau=dynamic",
                    "softmax",
                    "multiplicative",
                    "additive");

    @AutoClose private final StrategyRegistry registry = Strategies.registry();

    @Test
    void aClassAtTprZeroGetsALargeFiniteWeight() {
        for (String spec : ALL) {
            double[] w = weights(registry, spec, 0.0, 0.5, 1.0);
            for (double v : w) {
                assertTrue(v > 0 && Double.isFinite(v), spec + ": " + v);
            }
            if (!spec.equals("uniform")) {
                assertTrue(
                        w[0] > w[1] && w[1] >= w[2],
                        spec + " orders the classes: " + java.util.Arrays.toString(w));
            }
        }
        // mean-ratio divides by max(0, eps): s=[0,0.5,1];m=sum(s)/3;w=[m/max(x,1e-3) for x in s]
        assertWeights(
                new double[] {2.991026919242273, 0.005982053838484547, 0.0029910269192422734},
                weights(registry, "mean-ratio", 0.0, 0.5, 1.0),
                TOLERANCE,
                "mean-ratio");
        // dynamic tau: max/(0 + eps) - 1 = 999, so tau = 2: w=[max(1-x,1e-3)**2 for x in s]
        assertWeights(
                new double[] {2.399998080001536, 0.599999520000384, 2.3999980800015362e-06},
                weights(registry, "difficulty:tau=dynamic", 0.0, 0.5, 1.0),
                TOLERANCE,
                "difficulty:tau=dynamic");
    }

    @Test
    void aClassAtTprOneKeepsAPositiveWeight() {
        // difficulty floors 1 - s at eps: s=[1,0.5];w=[max(1-x,1e-3)**1.5 for x in s]
        assertWeights(
                new double[] {0.00017886943963093868, 1.999821130560369},
                weights(registry, "difficulty", 1.0, 0.5),
                TOLERANCE,
                "difficulty");
        for (String spec : ALL) {
            for (double v : weights(registry, spec, 1.0, 0.5)) {
                assertTrue(v > 0 && Double.isFinite(v), spec + ": " + v);
            }
        }
    }

    @Test
    void everyTprOneOrEveryTprZeroGivesUniformWeights() {
        for (String spec : ALL) {
            assertWeights(
                    new double[] {1, 1, 1, 1},
                    weights(registry, spec, 1, 1, 1, 1),
                    TOLERANCE,
                    spec + " all 1");
            assertWeights(
                    new double[] {1, 1, 1, 1},
                    weights(registry, spec, 0, 0, 0, 0),
                    TOLERANCE,
                    spec + " all 0");
        }
    }

    @Test
    void aSingleClassWeighsOne() {
        for (String spec : ALL) {
            for (double s : new double[] {0, 0.3, 1}) {
                assertWeights(
                        new double[] {1}, weights(registry, spec, s), TOLERANCE, spec + " s=" + s);
            }
        }
        assertWeights(
                new double[] {1},
                weights(registry, "confusion", matrix(new long[][] {{7}})),
                TOLERANCE,
                "1x1");
        assertWeights(
                new double[] {1},
                weights(registry, "confusion", matrix(new long[][] {{0}})),
                TOLERANCE,
                "empty");
    }

    @Test
    void confusionCountsAnEmptyRowAsOneSample() {
        // M=[[8,2,0],[0,0,0],[1,3,6]]: class 1 has no samples but 5 false positives, q_1 = 5/(2*1)
        // = 2.5
        // q=[(sum(M[c])-M[c][c]+sum(r[c] for r in M)-M[c][c])/(2*max(sum(M[c]),1)) for c in
        // range(n)] = [0.15, 2.5, 0.2]
        // w=[1+x for x in q]
        long[][] m = {{8, 2, 0}, {0, 0, 0}, {1, 3, 6}};
        assertWeights(
                new double[] {0.5897435897435896, 1.7948717948717947, 0.6153846153846153},
                weights(registry, "confusion", matrix(m)),
                TOLERANCE,
                "confusion");
        // an empty class never predicted either: q = 0
        // M=[[10,0,0],[0,0,0],[2,0,8]]: same q as above = [0.1, 0.0, 0.1]; w=[1+x for x in q]
        long[][] quiet = {{10, 0, 0}, {0, 0, 0}, {2, 0, 8}};
        assertWeights(
                new double[] {1.03125, 0.9375, 1.03125},
                weights(registry, "confusion", matrix(quiet)),
                TOLERANCE,
                "quiet empty class");
    }

    @Test
    void scoreStrategiesTreatAnEmptyRowAsScoreZero() {
        long[][] m = {{8, 2, 0}, {0, 0, 0}, {1, 3, 6}};
        for (String spec : SCORE_BASED) {
            for (String metric : List.of("tpr", "f1", "precision")) {
                String full = spec + (spec.contains(":") ? "," : ":") + "metric=" + metric;
                double[] w = weights(registry, full, matrix(m));
                for (double v : w) {
                    assertTrue(v > 0 && Double.isFinite(v), full + ": " + v);
                }
                // class 1 has TPR, precision and F1 all 0: the largest weight
                assertTrue(
                        w[1] >= w[0] && w[1] >= w[2], full + ": " + java.util.Arrays.toString(w));
            }
        }
    }

    @Test
    void f1OrPrecisionOnTprOnlyScoresFailsClearly() {
        ClassScores tprOnly = ClassScores.ofTpr(0.5, 0.7);
        for (String spec : SCORE_BASED) {
            String name = spec.split(":")[0];
            for (String metric : List.of("f1", "precision")) {
                String full = spec + (spec.contains(":") ? "," : ":") + "metric=" + metric;
                StrategyException e =
                        assertThrows(
                                StrategyException.class, () -> weights(registry, full, tprOnly));
                assertEquals(
                        "strategy "
                                + name
                                + ": metric="
                                + metric
                                + " needs a confusion matrix, but these scores hold"
                                + " TPRs only; use metric=tpr or give scores with a confusion matrix",
                        e.getMessage());
            }
        }
    }

    @Test
    void confusionOnTprOnlyScoresFailsClearly() {
        StrategyException e =
                assertThrows(
                        StrategyException.class,
                        () -> weights(registry, "confusion", ClassScores.ofTpr(0.5, 0.7)));
        assertEquals(
                "strategy confusion needs a confusion matrix, but these scores hold TPRs only;"
                        + " give scores with a confusion matrix",
                e.getMessage());
    }

    @Test
    void extremeParametersStillGivePositiveWeights() {
        for (String spec :
                List.of(
                        "softmax:temperature=1e-6",
                        "multiplicative:eta=1e6",
                        "mean-ratio:gamma=10,eps=1e-300",
                        "difficulty:tau=10,eps=1e-300",
                        "additive:eta=1e6,eps=1e-300",
                        "shifted-power:gamma=10")) {
            double[] w = weights(registry, spec, 0.0, 0.25, 1.0);
            double sum = 0;
            for (double v : w) {
                assertTrue(v > 0 && Double.isFinite(v), spec + ": " + v);
                sum += v;
            }
            assertEquals(3, sum, 1e-9, spec);
            assertTrue(w[0] >= w[1] && w[1] >= w[2], spec + ": " + java.util.Arrays.toString(w));
        }
        // a softmax at a tiny temperature puts all the weight on the worst class
        assertWeights(
                new double[] {3, 0, 0},
                weights(registry, "softmax:temperature=1e-6", 0.0, 0.25, 1.0),
                1e-12,
                "softmax:temperature=1e-6");
    }

    @Test
    void iterativeStrategiesRejectCurrentWeightsOfAnotherLength() {
        for (String spec : List.of("multiplicative", "additive")) {
            IllegalArgumentException e =
                    assertThrows(
                            IllegalArgumentException.class,
                            () ->
                                    registry.create(spec)
                                            .weights(
                                                    ClassScores.ofTpr(0.5, 0.7),
                                                    org.learnability.api.weights.ClassWeights
                                                            .uniform(3)));
            assertTrue(
                    e.getMessage().contains("3 class weights given for 2 classes"), e.getMessage());
        }
    }
}

package org.learnability.strategies;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.learnability.api.registry.StrategyRegistry;
import org.learnability.api.scores.ClassScores;
import org.learnability.api.scores.ConfusionMatrix;
import org.learnability.api.scores.Metric;
import org.learnability.api.strategy.WeightStrategy;
import org.learnability.api.weights.ClassWeights;

/**
 * Properties over many seeded random score vectors and confusion matrices (1 to 20 classes), for
 * every strategy and every metric it takes: weights positive, finite, mean 1; equal scores give
 * equal weights; a lower score never gets a lower weight (score-based strategies, from uniform
 * weights); for {@code confusion}, more confusion never gets a lower weight.
 */
class WeightPropertiesTest {

    private static final int CASES = 500;

    /** Score-based specs, defaults and a few non-default parameters; each also run per metric. */
    private static final List<String> SCORE_BASED =
            List.of(
                    "mean-ratio",
                    "mean-ratio:gamma=3",
                    "mean-ratio:gamma=0",
                    "shifted-power",
                    "shifted-power:gamma=10",
                    "difficulty",
                    "difficulty:tau=dynamic",
                    "difficulty:tau=0.5,eps=0.1",
                    "softmax",
                    "softmax:temperature=0.01",
                    "softmax:temperature=100",
                    "multiplicative",
                    "multiplicative:eta=20",
                    "additive",
                    "additive:eta=10",
                    "additive:eta=0.1,eps=0.5");

    private static final List<String> CONFUSION =
            List.of("confusion", "confusion:gamma=0", "confusion:gamma=10");

    @AutoClose private final StrategyRegistry registry = Strategies.registry();

    @Test
    void scoreVectors() {
        Random random = new Random(20240601L);
        for (int i = 0; i < CASES; i++) {
            double[] tpr = randomScores(random, 1 + random.nextInt(20));
            ClassScores scores = ClassScores.ofTpr(tpr);
            for (String spec : SCORE_BASED) {
                int n = i;
                checkScoreBased(spec, scores, Metric.TPR, () -> "case " + n);
            }
            checkUniform(scores);
        }
    }

    @Test
    void confusionMatrices() {
        Random random = new Random(987654321L);
        for (int i = 0; i < CASES; i++) {
            ConfusionMatrix m = randomMatrix(random, 1 + random.nextInt(20));
            ClassScores scores = ClassScores.of(m);
            int n = i;
            Supplier<String> what = () -> "case " + n + " " + m;
            for (String spec : SCORE_BASED) {
                for (Metric metric : Metric.values()) {
                    String full = spec + (spec.contains(":") ? "," : ":") + "metric=" + metric.id();
                    checkScoreBased(full, scores, metric, what);
                }
            }
            for (String spec : CONFUSION) {
                checkConfusion(spec, m, what);
            }
            checkUniform(scores);
        }
    }

    @Test
    void equalScoresGiveUniformWeights() {
        Random random = new Random(42L);
        for (int i = 0; i < CASES; i++) {
            int n = 1 + random.nextInt(20);
            double[] tpr = new double[n];
            Arrays.fill(tpr, randomScores(random, 1)[0]);
            for (String spec : SCORE_BASED) {
                double[] w = uniformStart(spec, ClassScores.ofTpr(tpr));
                for (double v : w) {
                    assertEquals(1.0, v, 1e-12, () -> spec + " on " + Arrays.toString(tpr));
                }
            }
        }
    }

    @Test
    void equalConfusionGivesUniformWeights() {
        Random random = new Random(43L);
        for (int i = 0; i < CASES; i++) {
            int n = 1 + random.nextInt(20);
            long diagonal = random.nextInt(100);
            long off = random.nextInt(10);
            long[][] counts = new long[n][n];
            for (long[] row : counts) {
                Arrays.fill(row, off);
            }
            for (int c = 0; c < n; c++) {
                counts[c][c] = diagonal;
            }
            ClassScores scores = ClassScores.of(ConfusionMatrix.of(counts));
            for (String spec : CONFUSION) {
                for (double v : uniformStart(spec, scores)) {
                    assertEquals(1.0, v, 1e-12, () -> spec + " on " + Arrays.deepToString(counts));
                }
            }
        }
    }

    @Test
    void iterativeStrategiesFromRandomCurrentWeights() {
        Random random = new Random(7L);
        for (int i = 0; i < CASES; i++) {
            int n = 1 + random.nextInt(20);
            ClassScores scores = ClassScores.ofTpr(randomScores(random, n));
            double[] raw = new double[n];
            for (int c = 0; c < n; c++) {
                raw[c] = 0.01 + 5 * random.nextDouble();
            }
            ClassWeights current = new ClassWeights(raw);
            for (String spec :
                    List.of(
                            "multiplicative",
                            "multiplicative:eta=20",
                            "additive",
                            "additive:eta=10")) {
                double[] w = registry.create(spec).weights(scores, current).values();
                int k = i;
                assertPositiveFiniteMeanOne(w, () -> spec + " case " + k);
                // same score, more current weight: never less new weight
                double[] s = scores.values(Metric.TPR);
                for (int a = 0; a < n; a++) {
                    for (int b = 0; b < n; b++) {
                        if (s[a] == s[b] && current.get(a) > current.get(b)) {
                            int x = a;
                            int y = b;
                            assertTrue(
                                    w[a] >= w[b],
                                    () ->
                                            spec
                                                    + " case "
                                                    + k
                                                    + ": class "
                                                    + x
                                                    + " has more current weight than "
                                                    + y
                                                    + " and the same score, but less new weight");
                        }
                    }
                }
            }
        }
    }

    private void checkScoreBased(
            String spec, ClassScores scores, Metric metric, Supplier<String> what) {
        double[] w = uniformStart(spec, scores);
        Supplier<String> where = () -> spec + " " + what.get() + " weights " + Arrays.toString(w);
        assertPositiveFiniteMeanOne(w, where);
        double[] s = scores.values(metric);
        for (int a = 0; a < s.length; a++) {
            for (int b = 0; b < s.length; b++) {
                if (s[a] == s[b]) {
                    int x = a;
                    int y = b;
                    assertEquals(
                            w[a],
                            w[b],
                            1e-12,
                            () -> where.get() + ": equal scores of classes " + x + ", " + y);
                } else if (s[a] < s[b]) {
                    int x = a;
                    int y = b;
                    assertTrue(
                            w[a] >= w[b],
                            () ->
                                    where.get()
                                            + ": class "
                                            + x
                                            + " scores below class "
                                            + y
                                            + " but weighs less");
                }
            }
        }
    }

    private void checkConfusion(String spec, ConfusionMatrix m, Supplier<String> what) {
        double[] w = uniformStart(spec, ClassScores.of(m));
        Supplier<String> where = () -> spec + " " + what.get() + " weights " + Arrays.toString(w);
        assertPositiveFiniteMeanOne(w, where);
        int n = m.numClasses();
        // q_c = off_c / (2 * max(support_c, 1)), compared exactly in integers
        long[] off = new long[n];
        long[] denominator = new long[n];
        for (int c = 0; c < n; c++) {
            off[c] = m.support(c) + m.predicted(c) - 2 * m.count(c, c);
            denominator[c] = Math.max(m.support(c), 1);
        }
        for (int a = 0; a < n; a++) {
            for (int b = 0; b < n; b++) {
                long left = off[a] * denominator[b];
                long right = off[b] * denominator[a];
                if (left == right) {
                    int x = a;
                    int y = b;
                    assertEquals(
                            w[a],
                            w[b],
                            1e-12,
                            () -> where.get() + ": equal confusion of classes " + x + ", " + y);
                } else if (left > right) {
                    int x = a;
                    int y = b;
                    assertTrue(
                            w[a] >= w[b],
                            () ->
                                    where.get()
                                            + ": class "
                                            + x
                                            + " is more confused than "
                                            + y
                                            + " but weighs less");
                }
            }
        }
    }

    private void checkUniform(ClassScores scores) {
        for (double v : uniformStart("uniform", scores)) {
            assertEquals(1.0, v, 0.0);
        }
    }

    private double[] uniformStart(String spec, ClassScores scores) {
        WeightStrategy strategy = registry.create(spec);
        return strategy.weights(scores, ClassWeights.uniform(scores.numClasses())).values();
    }

    private static void assertPositiveFiniteMeanOne(double[] w, Supplier<String> where) {
        double sum = 0;
        for (double v : w) {
            assertTrue(v > 0 && Double.isFinite(v), () -> where.get() + ": weight " + v);
            sum += v;
        }
        assertEquals(1.0, sum / w.length, 1e-9, () -> where.get() + ": mean");
    }

    /** Scores in [0, 1], with exact 0s and 1s and ties mixed in. */
    private static double[] randomScores(Random random, int n) {
        double[] s = new double[n];
        for (int c = 0; c < n; c++) {
            double r = random.nextDouble();
            if (r < 0.08) {
                s[c] = 0;
            } else if (r < 0.16) {
                s[c] = 1;
            } else if (r < 0.5) {
                s[c] = random.nextInt(21) / 20.0;
            } else {
                s[c] = random.nextDouble();
            }
        }
        return s;
    }

    /** Counts 0 to 60, diagonal-heavy most of the time, with some empty rows and zero columns. */
    private static ConfusionMatrix randomMatrix(Random random, int n) {
        long[][] counts = new long[n][n];
        for (int a = 0; a < n; a++) {
            if (random.nextDouble() < 0.05) {
                continue; // an empty row: a class with no samples
            }
            for (int p = 0; p < n; p++) {
                double r = random.nextDouble();
                counts[a][p] = r < 0.4 ? 0 : random.nextInt(a == p ? 60 : 12);
            }
        }
        return ConfusionMatrix.of(counts);
    }
}

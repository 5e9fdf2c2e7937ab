package org.learnability.api.scores;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ClassScoresTest {

    private static final double EPS = 1e-12;

    /**
     * Four classes; {@code owl} has no samples (its row is 0) but is predicted 2 times, {@code eel}
     * has 4 samples but is never predicted (its column is 0).
     *
     * <pre>
     *            cat dog owl eel | support
     *   cat       6   1   1   0  |   8
     *   dog       2   3   1   0  |   6
     *   owl       0   0   0   0  |   0
     *   eel       1   3   0   0  |   4
     *   predicted 9   7   2   0  | total 18, trace 9
     * </pre>
     */
    private static final ConfusionMatrix MATRIX =
            new ConfusionMatrix(
                    List.of("cat", "dog", "owl", "eel"),
                    new long[][] {{6, 1, 1, 0}, {2, 3, 1, 0}, {0, 0, 0, 0}, {1, 3, 0, 0}});

    private static void assertContains(String message, String... parts) {
        for (String part : parts) {
            assertTrue(message.contains(part), () -> "message lacks '" + part + "': " + message);
        }
    }

    private static double[] array(List<Double> list) {
        return list.stream().mapToDouble(Double::doubleValue).toArray();
    }

    @Test
    void tprIsRowRecallWithZeroForAClassWithoutSamples() {
        // TPR = diagonal / row sum: cat 6/8, dog 3/6, owl 0/0 -> 0 (zero_division=0), eel 0/4
        ClassScores s = ClassScores.of(MATRIX);
        assertArrayEquals(new double[] {0.75, 0.5, 0.0, 0.0}, array(s.tpr()), EPS);
        assertArrayEquals(new double[] {0.75, 0.5, 0.0, 0.0}, s.values(Metric.TPR), EPS);
    }

    @Test
    void precisionIsColumnPrecisionWithZeroForAClassNeverPredicted() {
        // precision = diagonal / column sum: cat 6/9, dog 3/7,
        // owl 0/2 = 0 (predicted twice, never right), eel 0/0 -> 0 (never predicted)
        ClassScores s = ClassScores.of(MATRIX);
        assertArrayEquals(new double[] {6.0 / 9, 3.0 / 7, 0.0, 0.0}, array(s.precision()), EPS);
        assertArrayEquals(
                new double[] {6.0 / 9, 3.0 / 7, 0.0, 0.0}, s.values(Metric.PRECISION), EPS);
    }

    @Test
    void f1IsTheHarmonicMeanAndZeroWhenPrecisionAndTprAreBothZero() {
        // cat: 2 * (2/3)(3/4) / (2/3 + 3/4) = 1 / (17/12) = 12/17
        // dog: 2 * (3/7)(1/2) / (3/7 + 1/2) = (3/7) / (13/14) = 6/13
        // owl, eel: precision 0 and TPR 0 -> 0
        ClassScores s = ClassScores.of(MATRIX);
        assertArrayEquals(new double[] {12.0 / 17, 6.0 / 13, 0.0, 0.0}, array(s.f1()), EPS);
        assertArrayEquals(array(s.f1()), s.values(Metric.F1), 0.0);
    }

    @Test
    void supportAccuracyAndNames() {
        ClassScores s = ClassScores.of(MATRIX);
        assertEquals(List.of(8L, 6L, 0L, 4L), s.support());
        assertEquals(9.0 / 18, s.accuracy(), EPS); // trace 6 + 3 = 9 of 18
        assertEquals(List.of("cat", "dog", "owl", "eel"), s.classNames());
        assertEquals(4, s.numClasses());
        assertEquals(Optional.of(MATRIX), s.confusionMatrix());
    }

    @Test
    void perfectPredictionsScoreOne() {
        ClassScores s = ClassScores.of(ConfusionMatrix.of(new long[][] {{3, 0}, {0, 5}}));
        assertArrayEquals(new double[] {1, 1}, s.values(Metric.TPR), EPS);
        assertArrayEquals(new double[] {1, 1}, s.values(Metric.PRECISION), EPS);
        assertArrayEquals(new double[] {1, 1}, s.values(Metric.F1), EPS);
        assertEquals(1.0, s.accuracy(), EPS);
    }

    @Test
    void anEmptyMatrixScoresZeroEverywhere() {
        ClassScores s = ClassScores.of(ConfusionMatrix.of(new long[2][2]));
        assertArrayEquals(new double[] {0, 0}, s.values(Metric.TPR), 0.0);
        assertArrayEquals(new double[] {0, 0}, s.values(Metric.F1), 0.0);
        assertEquals(0.0, s.accuracy(), 0.0);
        assertEquals(List.of(0L, 0L), s.support());
    }

    @Test
    void valuesIsAFreshArray() {
        ClassScores s = ClassScores.of(MATRIX);
        double[] tpr = s.values(Metric.TPR);
        tpr[0] = 0.0;
        assertEquals(0.75, s.values(Metric.TPR)[0], EPS);
        assertEquals(0.75, s.tpr().get(0), EPS);
    }

    @Test
    void tprOnlyScoresKnowTheirTprs() {
        ClassScores s = ClassScores.ofTpr(0.25, 1.0, 0.0);
        assertEquals(List.of("0", "1", "2"), s.classNames());
        assertEquals(List.of(0.25, 1.0, 0.0), s.tpr());
        assertArrayEquals(new double[] {0.25, 1.0, 0.0}, s.values(Metric.TPR), 0.0);
        assertEquals(Optional.empty(), s.confusionMatrix());
        ClassScores named = ClassScores.ofTpr(List.of("cat", "dog"), List.of(0.5, 0.75));
        assertEquals(List.of("cat", "dog"), named.classNames());
    }

    @Test
    void tprOnlyScoresCannotGiveWhatNeedsAMatrix() {
        ClassScores s = ClassScores.ofTpr(0.5, 0.75);
        String needs = "needs a confusion matrix";
        assertContains(
                assertThrows(IllegalStateException.class, s::precision).getMessage(),
                "precision",
                needs);
        assertContains(
                assertThrows(IllegalStateException.class, s::accuracy).getMessage(),
                "accuracy",
                needs);
        assertContains(
                assertThrows(IllegalStateException.class, s::support).getMessage(),
                "support",
                needs);
        assertContains(assertThrows(IllegalStateException.class, s::f1).getMessage(), "F1", needs);
        assertContains(
                assertThrows(IllegalStateException.class, () -> s.values(Metric.F1)).getMessage(),
                "F1",
                needs);
        assertContains(
                assertThrows(IllegalStateException.class, () -> s.values(Metric.PRECISION))
                        .getMessage(),
                "precision",
                needs);
    }

    @Test
    void tprOutsideTheUnitIntervalOrNaNIsRejectedNamingTheClass() {
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> ClassScores.ofTpr(0.5, 1.5));
        assertContains(e.getMessage(), "class 1 (1)", "1.5", "[0, 1]");
        e = assertThrows(IllegalArgumentException.class, () -> ClassScores.ofTpr(-0.1, 0.5));
        assertContains(e.getMessage(), "class 0 (0)", "-0.1", "[0, 1]");
        e =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> ClassScores.ofTpr(List.of("cat", "dog"), List.of(0.5, Double.NaN)));
        assertContains(e.getMessage(), "class 1 (dog)", "NaN", "[0, 1]");
        e =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> ClassScores.ofTpr(List.of("cat", "dog"), Arrays.asList(null, 0.5)));
        assertContains(e.getMessage(), "class 0 (cat)", "null");
    }

    @Test
    void rejectsNoClassesAndMismatchedNames() {
        assertContains(
                assertThrows(IllegalArgumentException.class, () -> ClassScores.ofTpr())
                        .getMessage(),
                "at least one class");
        assertContains(
                assertThrows(
                                IllegalArgumentException.class,
                                () -> ClassScores.ofTpr(List.of("cat"), List.of(0.5, 0.5)))
                        .getMessage(),
                "1 class names given for 2 classes");
        IllegalArgumentException e =
                assertThrows(
                        IllegalArgumentException.class,
                        () ->
                                new ClassScores(
                                        List.of("a", "b", "c", "d"),
                                        List.of(0.0, 0.0, 0.0, 0.0),
                                        Optional.of(MATRIX)));
        assertContains(e.getMessage(), "[cat, dog, owl, eel]", "[a, b, c, d]");
    }

    @Test
    void scoresAreImmutable() {
        List<Double> tpr = new ArrayList<>(List.of(0.5, 0.25));
        ClassScores s = ClassScores.ofTpr(List.of("cat", "dog"), tpr);
        tpr.set(0, 0.0);
        assertEquals(List.of(0.5, 0.25), s.tpr());
        assertThrows(UnsupportedOperationException.class, () -> s.tpr().set(0, 1.0));
        assertThrows(
                UnsupportedOperationException.class,
                () -> ClassScores.of(MATRIX).precision().set(0, 1.0));
    }

    @Test
    void metricIdsParseBack() {
        for (Metric m : Metric.values()) {
            assertEquals(m, Metric.parse(m.id()));
        }
        assertEquals("precision", Metric.PRECISION.id());
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> Metric.parse("recall"));
        assertContains(e.getMessage(), "'recall'", "tpr, precision, f1");
    }
}

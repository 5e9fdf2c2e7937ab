package org.learnability.api.weights;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class ClassWeightsTest {

    private static final double EPS = 1e-12;

    private static void assertContains(String message, String... parts) {
        for (String part : parts) {
            assertTrue(message.contains(part), () -> "message lacks '" + part + "': " + message);
        }
    }

    private static IllegalArgumentException rejected(double... raw) {
        return assertThrows(IllegalArgumentException.class, () -> ClassWeights.of(raw));
    }

    @Test
    void normalisesToMeanOne() {
        // sum 10, C = 4: w = 4 * raw / 10 = [0.4, 0.8, 1.2, 1.6], mean 1
        ClassWeights w = ClassWeights.of(1, 2, 3, 4);
        assertArrayEquals(new double[] {0.4, 0.8, 1.2, 1.6}, w.values(), EPS);
        assertEquals(4.0, Arrays.stream(w.values()).sum(), EPS);
        assertEquals(4, w.size());
        assertEquals(1.2, w.get(2), EPS);
        assertEquals(List.of(w.get(0), w.get(1), w.get(2), w.get(3)), w.asList());
    }

    @Test
    void normalisesUnevenValues() {
        // sum 0.5 + 0.25 + 2 = 2.75, C = 3: w = 3 * raw / 2.75 = [6/11, 3/11, 24/11]
        ClassWeights w = new ClassWeights(new double[] {0.5, 0.25, 2});
        assertArrayEquals(new double[] {6.0 / 11, 3.0 / 11, 24.0 / 11}, w.values(), EPS);
    }

    @Test
    void scalingTheRawWeightsChangesNothing() {
        // doubling is exact in floating point, so the normalised weights are identical
        assertEquals(ClassWeights.of(1, 2, 3, 4), ClassWeights.of(2, 4, 6, 8));
        assertArrayEquals(
                ClassWeights.of(1, 2, 3, 4).values(),
                ClassWeights.of(1e-6, 2e-6, 3e-6, 4e-6).values(),
                EPS);
        // normalising normalised weights is the identity
        double[] once = ClassWeights.of(3, 1, 7).values();
        assertArrayEquals(once, ClassWeights.of(once).values(), EPS);
    }

    @Test
    void uniformIsAllOnes() {
        assertArrayEquals(new double[] {1, 1, 1}, ClassWeights.uniform(3).values(), 0.0);
        assertArrayEquals(new double[] {1}, ClassWeights.uniform(1).values(), 0.0);
        // exactly 1 even where (1 / C) * C is not (1.0 / 49 * 49 = 0.9999999999999999)
        for (double v : ClassWeights.uniform(49).values()) {
            assertEquals(1.0, v, 0.0);
        }
        // equal raw weights normalise to 1
        double[] tenths = new double[49];
        Arrays.fill(tenths, 0.1);
        for (double v : ClassWeights.of(tenths).values()) {
            assertEquals(1.0, v, EPS);
        }
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> ClassWeights.uniform(0));
        assertContains(e.getMessage(), "at least one class", "0");
    }

    @Test
    void rejectsInvalidValuesNamingTheClassAndTheValue() {
        assertContains(rejected(1, Double.NaN, 2).getMessage(), "class 1", "NaN", "finite and > 0");
        assertContains(
                rejected(1, 2, Double.POSITIVE_INFINITY).getMessage(),
                "class 2",
                "Infinity",
                "finite and > 0");
        assertContains(rejected(Double.NEGATIVE_INFINITY, 1).getMessage(), "class 0", "-Infinity");
        assertContains(rejected(1, 0).getMessage(), "class 1", "0.0", "finite and > 0");
        assertContains(rejected(1, 2, 3, -0.5).getMessage(), "class 3", "-0.5", "finite and > 0");
        assertContains(rejected(-0.0, 1).getMessage(), "class 0", "-0.0");
    }

    @Test
    void rejectsNoClasses() {
        assertContains(rejected().getMessage(), "at least one class");
        assertContains(
                assertThrows(IllegalArgumentException.class, () -> new ClassWeights(null))
                        .getMessage(),
                "at least one class");
    }

    @Test
    void rejectsWeightsWhoseSumOverflows() {
        IllegalArgumentException e = rejected(Double.MAX_VALUE, Double.MAX_VALUE);
        assertContains(e.getMessage(), "Infinity", "too large to normalise");
    }

    @Test
    void aHugeButFiniteWeightNormalisesToFiniteWeights() {
        // raw [1e308, 1]: the sum is 1e308 (the 1 is lost), so w = 2 * raw / 1e308 = [2, 2e-308];
        // computing 2 * 1e308 first would overflow to infinity
        double[] w = ClassWeights.of(1e308, 1).values();
        assertEquals(2.0, w[0], EPS);
        assertTrue(w[1] > 0 && w[1] < 1e-307, () -> Arrays.toString(w));
    }

    @Test
    void aWeightThatWouldNormaliseToZeroIsRejected() {
        // 1e-300 beside 1e300 normalises to 2e-600, below the smallest double: it would become 0
        IllegalArgumentException e = rejected(1e-300, 1e300);
        assertContains(e.getMessage(), "class 0", "1.0E-300", "would become 0");
    }

    @Test
    void requireSizeNamesBothNumbers() {
        ClassWeights w = ClassWeights.of(1, 2, 3, 4);
        assertSame(w, w.requireSize(4));
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> w.requireSize(5));
        assertContains(e.getMessage(), "4 class weights given for 5 classes");
        e = assertThrows(IllegalArgumentException.class, () -> w.requireSize(3));
        assertContains(e.getMessage(), "4 class weights given for 3 classes");
    }

    @Test
    void mutatingThePassedOrReturnedArrayDoesNotChangeTheWeights() {
        double[] raw = {1, 2, 3, 4};
        ClassWeights w = new ClassWeights(raw);
        raw[0] = 100;
        assertArrayEquals(new double[] {0.4, 0.8, 1.2, 1.6}, w.values(), EPS);
        double[] got = w.values();
        got[1] = 100;
        assertArrayEquals(new double[] {0.4, 0.8, 1.2, 1.6}, w.values(), EPS);
        assertThrows(UnsupportedOperationException.class, () -> w.asList().set(0, 5.0));
    }

    @Test
    void equalsAndHashCodeCompareTheNormalisedValues() {
        ClassWeights a = ClassWeights.of(1, 3);
        ClassWeights b = ClassWeights.of(0.5, 1.5);
        assertEquals(a, b);
        assertEquals(a.hashCode(), b.hashCode());
        assertNotEquals(a, ClassWeights.of(3, 1));
        assertNotEquals(a, ClassWeights.uniform(2));
        assertNotEquals(a, null);
        assertEquals("ClassWeights[0.5, 1.5]", a.toString()); // 2 * [1, 3] / 4
    }
}

package org.learnability.api.scores;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConfusionMatrixTest {

    private static final List<String> NAMES = List.of("cat", "dog", "bird");

    /**
     * Rows actual, columns predicted.
     *
     * <pre>
     *            cat dog bird | support
     *   cat       5   2   1   |   8
     *   dog       0   4   3   |   7
     *   bird      1   0   6   |   7
     *   predicted 6   6  10   | total 22, trace 15
     * </pre>
     */
    private static long[][] counts() {
        return new long[][] {{5, 2, 1}, {0, 4, 3}, {1, 0, 6}};
    }

    private static ConfusionMatrix matrix() {
        return new ConfusionMatrix(NAMES, counts());
    }

    private static IllegalArgumentException rejected(List<String> names, long[][] counts) {
        return assertThrows(
                IllegalArgumentException.class, () -> new ConfusionMatrix(names, counts));
    }

    private static void assertContains(String message, String... parts) {
        for (String part : parts) {
            assertTrue(message.contains(part), () -> "message lacks '" + part + "': " + message);
        }
    }

    @Test
    void sumsOfAHandMadeMatrix() {
        ConfusionMatrix m = matrix();
        assertEquals(3, m.numClasses());
        assertEquals(NAMES, m.classNames());
        assertEquals(3, m.count(1, 2)); // dog predicted as bird
        assertEquals(1, m.count(2, 0)); // bird predicted as cat
        assertEquals(List.of(8L, 7L, 7L), List.of(m.support(0), m.support(1), m.support(2)));
        assertEquals(List.of(6L, 6L, 10L), List.of(m.predicted(0), m.predicted(1), m.predicted(2)));
        assertEquals(22, m.total());
        assertEquals(15, m.correct()); // 5 + 4 + 6
    }

    @Test
    void plusAddsElementWise() {
        ConfusionMatrix other =
                new ConfusionMatrix(NAMES, new long[][] {{1, 0, 0}, {0, 1, 0}, {2, 0, 3}});
        ConfusionMatrix sum = matrix().plus(other);
        assertArrayEquals(new long[][] {{6, 2, 1}, {0, 5, 3}, {3, 0, 9}}, sum.counts());
        assertEquals(NAMES, sum.classNames());
        assertEquals(22 + 7, sum.total());
        assertEquals(15 + 5, sum.correct());
        // neither operand changed
        assertArrayEquals(counts(), matrix().counts());
        assertArrayEquals(new long[][] {{1, 0, 0}, {0, 1, 0}, {2, 0, 3}}, other.counts());
    }

    @Test
    void plusOverDifferentClassesNamesBoth() {
        ConfusionMatrix other = new ConfusionMatrix(List.of("cat", "dog", "fish"), counts());
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> matrix().plus(other));
        assertContains(e.getMessage(), "different classes", "[cat, dog, bird]", "[cat, dog, fish]");
    }

    @Test
    void ofNamesClassesByIndex() {
        ConfusionMatrix m = ConfusionMatrix.of(new long[][] {{1, 2}, {3, 4}});
        assertEquals(List.of("0", "1"), m.classNames());
        assertEquals(List.of("0", "1", "2"), ConfusionMatrix.indexNames(3));
    }

    @Test
    void rejectsANonSquareMatrixNamingTheRow() {
        IllegalArgumentException e = rejected(List.of("a", "b"), new long[][] {{1, 2}, {3}});
        assertContains(e.getMessage(), "row 1 has 1 entries", "over 2 classes needs 2");
        // more columns than rows
        e = rejected(List.of("a", "b"), new long[][] {{1, 2, 3}, {4, 5, 6}});
        assertContains(e.getMessage(), "row 0 has 3 entries", "over 2 classes needs 2");
        e = rejected(List.of("a", "b"), new long[][] {{1, 2}, null});
        assertContains(e.getMessage(), "row 1 has 0 entries");
    }

    @Test
    void rejectsAnEmptyMatrix() {
        assertContains(rejected(List.of(), new long[0][]).getMessage(), "at least one class");
        assertContains(
                assertThrows(IllegalArgumentException.class, () -> ConfusionMatrix.of(null))
                        .getMessage(),
                "at least one class");
    }

    @Test
    void rejectsANegativeEntryNamingItsPlaceAndValue() {
        long[][] bad = counts();
        bad[2][1] = -4;
        IllegalArgumentException e = rejected(NAMES, bad);
        assertContains(e.getMessage(), "[2][1]", "-4", ">= 0");
    }

    @Test
    void rejectsTheWrongNumberOfNamesNamingBothNumbers() {
        IllegalArgumentException e = rejected(List.of("cat", "dog"), counts());
        assertContains(e.getMessage(), "2 class names given for 3 classes", "one name per class");
        e = rejected(null, counts());
        assertContains(e.getMessage(), "0 class names given for 3 classes");
    }

    @Test
    void rejectsDuplicateAndBlankNames() {
        IllegalArgumentException e = rejected(List.of("cat", "dog", "cat"), counts());
        assertContains(e.getMessage(), "'cat'", "twice");
        e = rejected(List.of("cat", " ", "bird"), counts());
        assertContains(e.getMessage(), "blank");
        e = rejected(Arrays.asList("cat", null, "bird"), counts());
        assertContains(e.getMessage(), "blank");
    }

    @Test
    void mutatingThePassedArrayDoesNotChangeTheMatrix() {
        long[][] counts = counts();
        List<String> names = new ArrayList<>(NAMES);
        ConfusionMatrix m = new ConfusionMatrix(names, counts);
        counts[0][0] = 99;
        counts[1] = new long[] {9, 9, 9};
        names.set(0, "lion");
        assertArrayEquals(counts(), m.counts());
        assertEquals(5, m.count(0, 0));
        assertEquals(NAMES, m.classNames());
    }

    @Test
    void mutatingTheReturnedArrayDoesNotChangeTheMatrix() {
        ConfusionMatrix m = matrix();
        long[][] got = m.counts();
        got[0][0] = 99;
        got[2] = new long[] {0, 0, 0};
        assertArrayEquals(counts(), m.counts());
        assertEquals(22, m.total());
        assertThrows(UnsupportedOperationException.class, () -> m.classNames().set(0, "lion"));
    }

    @Test
    void equalsAndHashCodeCompareContents() {
        ConfusionMatrix a = matrix();
        ConfusionMatrix b = new ConfusionMatrix(new ArrayList<>(NAMES), counts());
        assertEquals(a, b);
        assertEquals(a.hashCode(), b.hashCode());
        long[][] changed = counts();
        changed[1][2] = 4;
        assertNotEquals(a, new ConfusionMatrix(NAMES, changed));
        assertNotEquals(a, new ConfusionMatrix(List.of("cat", "dog", "fish"), counts()));
        assertNotEquals(a, null);
        assertNotEquals(a, "ConfusionMatrix");
        assertEquals(
                "ConfusionMatrix[cat, dog, bird][[5, 2, 1], [0, 4, 3], [1, 0, 6]]", a.toString());
    }
}

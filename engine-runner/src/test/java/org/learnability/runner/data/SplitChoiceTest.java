package org.learnability.runner.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The choice of training and validation indices: disjoint, stratified, fixed by the seed. */
class SplitChoiceTest {

    private static final List<String> CLASSES = new Cifar10Dataset().classNames();

    /** 10 classes x 50 images, labels in a scrambled order. */
    private static int[] labels() {
        int[] labels = new int[500];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = i % 10;
        }
        java.util.Random random = new java.util.Random(17);
        for (int i = labels.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = labels[i];
            labels[i] = labels[j];
            labels[j] = t;
        }
        return labels;
    }

    private static int[] counts(int[] labels, long[] indices) {
        int[] counts = new int[10];
        for (long i : indices) {
            counts[labels[(int) i]]++;
        }
        return counts;
    }

    private static long[][] choose(int validation, int training, long seed) {
        return DataSplits.choose(labels(), CLASSES, new SplitSpec(validation, training, seed));
    }

    @Test
    void splitsAreDisjointAndStratified() {
        int[] labels = labels();
        int[] perClass = counts(labels, java.util.stream.LongStream.range(0, 500).toArray());
        assertTrue(Arrays.stream(perClass).allMatch(c -> c == 50), Arrays.toString(perClass));

        long[][] chosen = choose(100, 200, 1);
        assertEquals(200, chosen[0].length);
        assertEquals(100, chosen[1].length);
        int[] ten = new int[10];
        Arrays.fill(ten, 10);
        int[] twenty = new int[10];
        Arrays.fill(twenty, 20);
        assertArrayEquals(twenty, counts(labels, chosen[0]));
        assertArrayEquals(ten, counts(labels, chosen[1]));
        Set<Long> training = new HashSet<>();
        Arrays.stream(chosen[0]).forEach(training::add);
        assertEquals(200, training.size(), "no index twice");
        assertTrue(
                Arrays.stream(chosen[1]).noneMatch(training::contains),
                "no validation image in training");
    }

    @Test
    void theRestIsTheTrainingSplitByDefault() {
        long[][] chosen = choose(100, SplitSpec.ALL_REMAINING, 1);
        assertEquals(400, chosen[0].length);
        Set<Long> all = new HashSet<>();
        Arrays.stream(chosen[0]).forEach(all::add);
        Arrays.stream(chosen[1]).forEach(all::add);
        assertEquals(
                500, all.size(), "training and validation together are the whole training set");
        assertEquals(new SplitSpec(5000, 0, 3), SplitSpec.defaults(3));
    }

    @Test
    void theSameSeedGivesTheSameSplitAndAnotherSeedAnother() {
        long[][] first = choose(100, 200, 42);
        long[][] again = choose(100, 200, 42);
        long[][] other = choose(100, 200, 43);
        assertArrayEquals(first[0], again[0]);
        assertArrayEquals(first[1], again[1]);
        assertFalse(Arrays.equals(first[1], other[1]));
        assertFalse(Arrays.equals(first[0], other[0]));
    }

    @Test
    void sizesThatDoNotFitFailClearly() {
        assertEquals(
                "validation size 105 is not a multiple of the 10 classes; a stratified split needs an equal"
                        + " count per class",
                assertThrows(DataException.class, () -> choose(105, 0, 1)).getMessage());
        assertEquals(
                "training size 33 is not a multiple of the 10 classes; a stratified split needs an equal count"
                        + " per class",
                assertThrows(DataException.class, () -> choose(100, 33, 1)).getMessage());
        assertEquals(
                "validation size 510 needs 51 images of each class, but class 0 'airplane' has only 50 in the"
                        + " training set",
                assertThrows(DataException.class, () -> choose(510, 0, 1)).getMessage());
        assertEquals(
                "training size 410 needs 41 images of each class, but class 0 'airplane' has only 40 left after"
                        + " the validation split of 100",
                assertThrows(DataException.class, () -> choose(100, 410, 1)).getMessage());
        assertEquals(
                "validation size 500 leaves no training images out of 500",
                assertThrows(DataException.class, () -> choose(500, 0, 1)).getMessage());
        assertEquals(
                "validation size -5 is negative; expected 0 or more",
                assertThrows(DataException.class, () -> new SplitSpec(-5, 0, 1)).getMessage());
    }
}

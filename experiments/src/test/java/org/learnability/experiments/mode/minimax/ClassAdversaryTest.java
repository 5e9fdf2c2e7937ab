package org.learnability.experiments.mode.minimax;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.learnability.experiments.setting.Settings;

/**
 * The {@code minimax} mode's arithmetic without an engine: the exponentiated-gradient step and the
 * mix with uniform weights against a hand computation, its options, and the held-out choice.
 */
class ClassAdversaryTest {

    private static final double EPS = 1e-12;

    /**
     * Errors (0.5, 0.2, 0), eta 1, from uniform: q = (e^0.5, e^0.2, e^0) / (1.6487212707 +
     * 1.2214027582 + 1) = (0.4260125149, 0.3155978333, 0.2583896517); mix 0.5: w = 1.5 q + 0.5.
     * Then errors (0, 0, 1), eta 2: q = (e^0.5, e^0.2, e^2) / (1.6487212707 + 1.2214027582 +
     * 7.3890560989) = (0.1607069230, 0.1190546167, 0.7202384603); mix 0.25: w = 2.25 q + 0.25.
     */
    @Test
    void twoStepsAreTheHandComputedOnes() {
        ClassAdversary once = ClassAdversary.uniform(3).step(List.of(0.5, 0.2, 0.0), 1);
        assertArrayEquals(
                new double[] {0.4260125149492058, 0.3155978333128144, 0.2583896517379799},
                once.q(),
                EPS);
        assertArrayEquals(
                new double[] {1.1390187724238086, 0.9733967499692215, 0.8875844776069699},
                once.weights(0.5).values(),
                EPS);
        ClassAdversary twice = once.step(List.of(0.0, 0.0, 1.0), 2);
        assertArrayEquals(
                new double[] {0.16070692298636324, 0.11905461673799149, 0.7202384602756453},
                twice.q(),
                EPS);
        assertArrayEquals(
                new double[] {0.6115905767193173, 0.5178728876604808, 1.870536535620202},
                twice.weights(0.25).values(),
                EPS);
    }

    @Test
    void aZeroStepOrAFullMixKeepsEveryWeightOne() {
        double[] ones = {1, 1, 1, 1};
        assertArrayEquals(
                ones,
                ClassAdversary.uniform(4)
                        .step(List.of(0.9, 0.1, 0.0, 0.3), 0)
                        .weights(0.1)
                        .values(),
                EPS);
        assertArrayEquals(
                ones,
                ClassAdversary.uniform(4).step(List.of(0.9, 0.1, 0.0, 0.3), 5).weights(1).values(),
                EPS);
    }

    @Test
    void manyStepsNeitherOverflowNorLetAWeightFallBelowTheMix() {
        ClassAdversary adversary = ClassAdversary.uniform(3);
        for (int i = 0; i < 10_000; i++) {
            adversary = adversary.step(List.of(1.0, 0.0, 0.0), 10);
        }
        double[] w = adversary.weights(0.2).values();
        assertArrayEquals(new double[] {0.8 * 3 + 0.2, 0.2, 0.2}, w, EPS);
        assertThrows(
                IllegalArgumentException.class,
                () -> ClassAdversary.uniform(3).step(List.of(1.0, 0.0), 1));
    }

    @Test
    void theOptionsAreCheckedAndNamedInKeysWhereTheyDiffer() {
        MinimaxSettings defaults = Settings.defaults(MinimaxSettings.class);
        assertEquals(new MinimaxSettings(1, 0.5, 1, 0.1), defaults);
        assertEquals("", defaults.variant());
        assertEquals(
                "minimax-eta=2;minimax-interval=3", new MinimaxSettings(2, 0.5, 3, 0.1).variant());
        assertEquals(
                "minimax-mix=0.25;minimax-holdout=0.2",
                new MinimaxSettings(1, 0.25, 1, 0.2).variant());
        assertMessage("--minimax-eta is -1", () -> new MinimaxSettings(-1, 0.5, 1, 0.1));
        assertMessage("--minimax-mix is 0.0", () -> new MinimaxSettings(1, 0, 1, 0.1));
        assertMessage("--minimax-interval is 0", () -> new MinimaxSettings(1, 0.5, 0, 0.1));
        assertMessage("--minimax-holdout is 0.6", () -> new MinimaxSettings(1, 0.5, 1, 0.6));
        // every 2 epochs of 5: after epochs 1 and 3 (from 0), never after the last
        MinimaxSettings everyTwo = new MinimaxSettings(1, 0.5, 2, 0.1);
        boolean[] after = new boolean[5];
        for (int e = 0; e < 5; e++) {
            after[e] = everyTwo.updatesAfter(e, 5);
        }
        assertArrayEquals(new boolean[] {false, true, false, true, false}, after);
    }

    private static void assertMessage(String start, Runnable make) {
        String message = assertThrows(IllegalArgumentException.class, make::run).getMessage();
        assertTrue(message.startsWith(start), message);
    }

    @Test
    void theHeldOutShareIsStratifiedDisjointAndFixedByTheSeed() {
        int[] labels = new int[60];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = i < 40 ? i % 2 : 2; // 20, 20 and 20 images
        }
        List<String> classes = List.of("a", "b", "c");
        int[][] parts = HeldOut.positions(labels, classes, 0.1, 7);
        assertEquals(54, parts[0].length);
        assertEquals(6, parts[1].length, "round(0.1 x 20) = 2 of each class");
        int[] perClass = new int[3];
        Arrays.stream(parts[1]).forEach(p -> perClass[labels[p]]++);
        assertArrayEquals(new int[] {2, 2, 2}, perClass);
        Set<Integer> all = new HashSet<>();
        Arrays.stream(parts[0]).forEach(all::add);
        Arrays.stream(parts[1]).forEach(all::add);
        assertEquals(60, all.size(), "disjoint, and every image in one part");
        assertArrayEquals(parts[1], HeldOut.positions(labels, classes, 0.1, 7)[1]);
        assertEquals(
                2,
                HeldOut.positions(new int[] {0, 0, 1, 1}, List.of("a", "b"), 0.1, 7)[1].length,
                "at least one of each class, where round(0.1 x 2) = 0");
        String message =
                assertThrows(
                                IllegalArgumentException.class,
                                () ->
                                        HeldOut.positions(
                                                new int[] {0, 0, 1}, List.of("a", "b"), 0.1, 7))
                        .getMessage();
        assertTrue(message.contains("class 'b' has 1"), message);
    }
}

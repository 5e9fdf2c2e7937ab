package org.learnability.experiments.mode.ensemble;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.learnability.api.scores.ClassScores;

/** The ensemble's combination of two tiny models, against a hand computation; no engine. */
class MeanSoftmaxTest {

    private static final List<String> CLASSES = List.of("a", "b", "c");

    /** Model 1's probabilities of four images, as its softmax gives them. */
    private static final double[][] FIRST = {
        {0.7, 0.2, 0.1}, {0.4, 0.5, 0.1}, {0.1, 0.3, 0.6}, {0.5, 0.25, 0.25}
    };

    /** Model 2's. */
    private static final double[][] SECOND = {
        {0.1, 0.8, 0.1}, {0.6, 0.3, 0.1}, {0.2, 0.2, 0.6}, {0.1, 0.65, 0.25}
    };

    /** The true classes: a, a, c, b. */
    private static final int[] LABELS = {0, 0, 2, 1};

    @Test
    void theMeanOfTwoModelsSoftmaxIsTheHandComputation() {
        double[][] mean = MeanSoftmax.mean(List.of(FIRST, SECOND));
        // (0.7 + 0.1) / 2 = 0.4, (0.2 + 0.8) / 2 = 0.5, ...
        double[][] hand = {{0.4, 0.5, 0.1}, {0.5, 0.4, 0.1}, {0.15, 0.25, 0.6}, {0.3, 0.45, 0.25}};
        for (int i = 0; i < hand.length; i++) {
            assertArrayEquals(hand[i], mean[i], 1e-12, "image " + i);
        }
        // argmax: b, a, c, b against a, a, c, b: a 1 of 2, b 1 of 1, c 1 of 1
        ClassScores scores = MeanSoftmax.score(mean, LABELS, CLASSES);
        assertArrayEquals(
                new long[][] {{1, 1, 0}, {0, 1, 0}, {0, 0, 1}},
                scores.confusionMatrix().orElseThrow().counts());
        assertEquals(List.of(0.5, 1.0, 1.0), scores.tpr());
        assertEquals(0.75, scores.accuracy(), 1e-12);
        // each alone: model 1 is right on a, c (images 0, 2), model 2 on a, c, b (1, 2, 3)
        assertEquals(0.5, MeanSoftmax.score(FIRST, LABELS, CLASSES).accuracy(), 1e-12);
        assertEquals(0.75, MeanSoftmax.score(SECOND, LABELS, CLASSES).accuracy(), 1e-12);
    }

    @Test
    void anEnsembleOfOneIsThatModel() {
        double[][] mean = MeanSoftmax.mean(List.<double[][]>of(FIRST));
        for (int i = 0; i < FIRST.length; i++) {
            assertArrayEquals(FIRST[i], mean[i], 0);
        }
    }

    @Test
    void softmaxOfLogitsAndItsLog() {
        // softmax(0, ln 3) = (1/4, 3/4); the max is taken out first, so large logits do not
        // overflow
        double[][] p = MeanSoftmax.softmax(new float[] {0, (float) Math.log(3), 1000, 1000}, 2);
        assertArrayEquals(new double[] {0.25, 0.75}, p[0], 1e-7);
        assertArrayEquals(new double[] {0.5, 0.5}, p[1], 0);
        assertArrayEquals(
                new float[] {(float) Math.log(0.25), (float) Math.log(0.75)},
                java.util.Arrays.copyOf(MeanSoftmax.log(p), 2),
                1e-6f);
    }

    @Test
    void aTieGoesToTheFirstClassAsOnTheDevice() {
        ClassScores scores =
                MeanSoftmax.score(new double[][] {{0.5, 0.5, 0}}, new int[] {1}, CLASSES);
        assertEquals(1, scores.confusionMatrix().orElseThrow().counts()[1][0]);
    }

    @Test
    void membersScoredOnOtherSplitsAreRefused() {
        assertThrows(
                IllegalArgumentException.class,
                () -> MeanSoftmax.mean(List.of(FIRST, new double[][] {{1, 0, 0}})));
    }
}

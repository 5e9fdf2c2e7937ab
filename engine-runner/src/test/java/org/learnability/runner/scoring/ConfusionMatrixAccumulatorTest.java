package org.learnability.runner.scoring;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.Device;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.learnability.api.scores.ConfusionMatrix;
import org.learnability.runner.engine.EngineSelection;
import org.learnability.runner.testing.EngineTest;

@EngineTest
class ConfusionMatrixAccumulatorTest {

    private static final List<String> NAMES = List.of("a", "b", "c");

    @Test
    void bulkCountsEqualTheHandCountedMatrix() {
        // Two batches. Batch 1: labels [0,0,1,2,2], argmax of logits [0,1,1,2,0].
        // Batch 2: labels [1,2,0], argmax [2,2,0] (labels as an (N, 1) column).
        // By hand, rows actual, columns predicted:
        //   actual 0: predicted 0 (x2: batch 1 #0, batch 2 #2), predicted 1 (batch 1 #1)
        //   actual 1: predicted 1 (batch 1 #2), predicted 2 (batch 2 #0)
        //   actual 2: predicted 2 (batch 1 #3, batch 2 #1), predicted 0 (batch 1 #4)
        long[][] expected = {{2, 1, 0}, {0, 1, 1}, {1, 0, 2}};
        try (NDManager manager =
                        EngineSelection.fromSystem().engine().newBaseManager(Device.cpu());
                ConfusionMatrixAccumulator accumulator =
                        new ConfusionMatrixAccumulator(NAMES, manager)) {
            float[][] logits1 = {{3, 1, 0}, {0, 2, 1}, {-1, 5, 0}, {0, 0, 1}, {9, 1, 2}};
            accumulator.add(manager.create(new float[] {0, 0, 1, 2, 2}), manager.create(logits1));
            float[][] logits2 = {{0, 1, 2}, {0.1f, 0.2f, 0.3f}, {7, 6, 5}};
            accumulator.add(
                    manager.create(new float[] {1, 2, 0}, new Shape(3, 1)),
                    manager.create(logits2));
            assertEquals(new ConfusionMatrix(NAMES, expected), accumulator.result());
        }
    }

    @Test
    void randomBatchesMatchAJavaCount() {
        // A plain Java count over the same predictions as an independent check.
        Random random = new Random(3);
        int n = 500;
        int c = 3;
        float[] labels = new float[n];
        float[][] logits = new float[n][c];
        long[][] expected = new long[c][c];
        for (int i = 0; i < n; i++) {
            labels[i] = random.nextInt(c);
            int best = 0;
            for (int k = 0; k < c; k++) {
                logits[i][k] = random.nextFloat();
                if (logits[i][k] > logits[i][best]) {
                    best = k;
                }
            }
            expected[(int) labels[i]][best]++;
        }
        try (NDManager manager =
                        EngineSelection.fromSystem().engine().newBaseManager(Device.cpu());
                ConfusionMatrixAccumulator accumulator =
                        new ConfusionMatrixAccumulator(NAMES, manager)) {
            accumulator.add(manager.create(labels), manager.create(logits));
            assertEquals(new ConfusionMatrix(NAMES, expected), accumulator.result());
        }
    }
}

package org.learnability.runner.training;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.ndarray.NDManager;
import ai.djl.training.dataset.Batch;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.learnability.api.weights.ClassWeights;
import org.learnability.runner.data.Augmentation;
import org.learnability.runner.data.Cifar10Dataset;
import org.learnability.runner.data.DataCache;
import org.learnability.runner.data.DataSource;
import org.learnability.runner.data.DataSplits;
import org.learnability.runner.data.DatasetLoader;
import org.learnability.runner.data.SplitSpec;
import org.learnability.runner.engine.EngineSelection;
import org.learnability.runner.testing.EngineTest;

/**
 * {@code --apply sampling}: an epoch drawn with replacement by class weight has each class's
 * expected share, and the draw depends on the seed and the epoch alone (it is made in Java, so
 * every engine trains on the same images).
 */
@EngineTest
class WeightedSamplingTest {

    private static final int PER_CLASS = 300;

    @TempDir Path dir;

    private NDManager manager;
    private DataSplits splits;

    @BeforeEach
    void setUp() throws IOException {
        manager = EngineSelection.fromSystem().engine().newBaseManager(Device.cpu());
        Path data = SyntheticImages.write(dir.resolve("data"), PER_CLASS + 10, 10, c -> c);
        splits =
                DataSplits.create(
                        new DatasetLoader(new DataCache(dir.resolve("cache")))
                                .load(new Cifar10Dataset(), DataSource.local(data), manager),
                        new SplitSpec(100, 10 * PER_CLASS, 4));
    }

    @AfterEach
    void tearDown() {
        splits.close();
        manager.close();
    }

    /** The labels and source indices of one epoch, in batch order. */
    private record Epoch(int[] labels, long[] indices) {}

    private Epoch epoch(ClassWeights weights, long seed, int epoch) {
        List<Integer> labels = new ArrayList<>();
        List<Long> indices = new ArrayList<>();
        BatchSource source = SplitSource.training(splits.training(), seed, Augmentation.NONE);
        for (Batch batch : source.batches(64, epoch, weights)) {
            try (batch) {
                for (float label : batch.getLabels().head().toFloatArray()) {
                    labels.add((int) label);
                }
                batch.getIndices().forEach(i -> indices.add((Long) i));
            }
        }
        return new Epoch(
                labels.stream().mapToInt(Integer::intValue).toArray(),
                indices.stream().mapToLong(Long::longValue).toArray());
    }

    @Test
    void eachClassGetsItsExpectedShareOfTheEpoch() {
        double[] raw = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
        ClassWeights weights = ClassWeights.of(raw);
        Epoch drawn = epoch(weights, 7, 0);
        int n = drawn.labels().length;
        assertEquals(10 * PER_CLASS, n, "as many draws as the split holds");
        int[] counts = new int[10];
        for (int label : drawn.labels()) {
            counts[label]++;
        }
        double total = 0;
        for (int c = 0; c < 10; c++) {
            total += weights.get(c) * PER_CLASS; // w_c n_c, n_c = 300 for every class
        }
        for (int c = 0; c < 10; c++) {
            double expected = weights.get(c) * PER_CLASS / total;
            double standardError = Math.sqrt(expected * (1 - expected) / n);
            double share = counts[c] / (double) n;
            assertTrue(
                    Math.abs(share - expected) < 3 * standardError,
                    "class "
                            + c
                            + ": share "
                            + share
                            + ", expected "
                            + expected
                            + " +- 3 x "
                            + standardError);
        }
    }

    @Test
    void theDrawDependsOnTheSeedAndTheEpochOnly() {
        ClassWeights weights = ClassWeights.of(3, 1, 1, 1, 1, 1, 1, 1, 1, 0.5);
        Epoch first = epoch(weights, 7, 2);
        assertArrayEquals(first.indices(), epoch(weights, 7, 2).indices(), "same seed and epoch");
        assertFalse(
                java.util.Arrays.equals(first.indices(), epoch(weights, 7, 3).indices()),
                "another epoch");
        assertFalse(
                java.util.Arrays.equals(first.indices(), epoch(weights, 8, 2).indices()),
                "another seed");
        // the batches carry exactly the images of the Java draw, whatever the engine
        assertArrayEquals(splits.training().drawBySampling(weights, 7, 2), first.indices());
    }

    @Test
    void withoutSamplingWeightsTheEpochIsTheShuffledSplit() {
        Epoch plain = epoch(null, 7, 0);
        long[] sorted = plain.indices().clone();
        java.util.Arrays.sort(sorted);
        assertArrayEquals(splits.training().indices(), sorted, "every image once");
    }
}

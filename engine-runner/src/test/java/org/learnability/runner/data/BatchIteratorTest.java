package org.learnability.runner.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.dataset.Batch;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.learnability.runner.engine.EngineSelection;
import org.learnability.runner.testing.EngineTest;

/** Batches cover a split once per epoch, in a new order each epoch, and free their arrays. */
@EngineTest
class BatchIteratorTest {

    private static final DatasetDefinition CIFAR10 = new Cifar10Dataset();

    @TempDir Path tmp;

    private NDManager manager;
    private DataSplits splits;

    @BeforeEach
    void setUp() throws IOException {
        manager = EngineSelection.fromSystem().engine().newBaseManager(Device.cpu());
        Path dir = SyntheticData.writeDjlLayout(tmp.resolve("djl"));
        LoadedDataset data =
                new DatasetLoader(new DataCache(tmp.resolve("cache")))
                        .load(CIFAR10, DataSource.local(dir), manager);
        splits = DataSplits.create(data, new SplitSpec(20, 0, 3)); // 40 training images
    }

    @AfterEach
    void tearDown() {
        splits.close();
        manager.close();
    }

    /**
     * Runs an epoch, checking every batch's content, and returns the source indices in batch order.
     */
    private List<Long> epoch(Iterable<Batch> batches, int batchSize, boolean augmented) {
        return epoch(batches, batchSize, augmented, false);
    }

    private List<Long> epoch(
            Iterable<Batch> batches, int batchSize, boolean augmented, boolean testSet) {
        Normalization norm = splits.normalization();
        float[] raw = SyntheticData.expectedImages(testSet, 3, 32);
        int perImage = 3 * 32 * 32;
        List<Long> seen = new ArrayList<>();
        for (Batch batch : batches) {
            try (batch) {
                @SuppressWarnings("unchecked")
                List<Long> indices = (List<Long>) batch.getIndices();
                assertTrue(batch.getSize() <= batchSize);
                assertEquals(indices.size(), batch.getSize());
                assertEquals(
                        new Shape(batch.getSize(), 3, 32, 32), batch.getData().head().getShape());
                float[] labels = batch.getLabels().head().toFloatArray();
                float[] images = batch.getData().head().toFloatArray();
                for (int k = 0; k < indices.size(); k++) {
                    int source = Math.toIntExact(indices.get(k));
                    assertEquals(
                            SyntheticData.label(source), labels[k], 0f, "label of image " + source);
                    if (!augmented) {
                        for (int p = 0; p < perImage; p += 61) {
                            int c = p / 1024;
                            float expected =
                                    (raw[source * perImage + p] / 255 - norm.mean()[c])
                                            / norm.std()[c];
                            assertEquals(expected, images[k * perImage + p], 1e-5f);
                        }
                    }
                }
                assertSame(manager.getDevice(), batch.getManager().getDevice());
                seen.addAll(indices);
            }
        }
        return seen;
    }

    private static long[] sorted(List<Long> indices) {
        return indices.stream().mapToLong(Long::longValue).sorted().toArray();
    }

    @Test
    void eachEpochCoversEverySampleOnceInANewOrder() {
        Split training = splits.training();
        List<Long> first = epoch(training.shuffled(7, 11, 0), 7, false);
        List<Long> second = epoch(training.shuffled(7, 11, 1), 7, false);
        assertEquals(40, first.size());
        assertArrayEquals(training.indices(), sorted(first), "every training image exactly once");
        assertArrayEquals(training.indices(), sorted(second));
        assertNotEquals(first, second, "another epoch, another order");
        assertEquals(
                first,
                epoch(training.shuffled(7, 11, 0), 7, false),
                "same seed and epoch, same order");
        assertNotEquals(
                first, epoch(training.shuffled(7, 12, 0), 7, false), "another seed, another order");
        assertEquals(6, BatchIterator.shuffled(training, 7, 11, 0, Augmentation.NONE).batchCount());
    }

    @Test
    void inOrderFollowsTheSplitAndCoversItOnce() {
        for (Split split : List.of(splits.validation(), splits.test())) {
            List<Long> seen = epoch(split.inOrder(6), 6, false, split.role() == Split.Role.TEST);
            assertArrayEquals(
                    split.indices(),
                    seen.stream().mapToLong(Long::longValue).toArray(),
                    split.toString());
        }
        int[] labels = splits.validation().labels();
        long[] indices = splits.validation().indices();
        for (int i = 0; i < labels.length; i++) {
            assertEquals(SyntheticData.label((int) indices[i]), labels[i]);
        }
    }

    @Test
    void augmentedEpochsCoverEverySampleAndMemoryStaysFlat() {
        Split training = splits.training();
        int before = manager.getManagedArrays().size();
        for (int e = 0; e < 3; e++) {
            List<Long> seen = epoch(training.shuffled(16, 5, e, Augmentation.cifar10()), 16, true);
            assertArrayEquals(training.indices(), sorted(seen));
        }
        assertEquals(
                before,
                manager.getManagedArrays().size(),
                "every batch's arrays are freed with the batch");
        Batch batch = training.shuffled(16, 5, 0).iterator().next();
        NDManager batchManager = batch.getManager();
        batch.close();
        assertFalse(batchManager.isOpen());
    }

    @Test
    void augmentationDependsOnSeedAndEpochOnly() {
        Split training = splits.training();
        float[] a = firstBatch(training.shuffled(16, 5, 2, Augmentation.cifar10()));
        float[] b = firstBatch(training.shuffled(16, 5, 2, Augmentation.cifar10()));
        float[] plain = firstBatch(training.shuffled(16, 5, 2));
        assertArrayEquals(a, b);
        assertFalse(Arrays.equals(a, plain));
    }

    private static float[] firstBatch(Iterable<Batch> batches) {
        try (Batch batch = batches.iterator().next()) {
            return batch.getData().head().toFloatArray();
        }
    }
}

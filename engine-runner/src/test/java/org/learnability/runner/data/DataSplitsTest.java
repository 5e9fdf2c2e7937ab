package org.learnability.runner.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.training.dataset.Batch;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.learnability.runner.engine.EngineSelection;
import org.learnability.runner.testing.EngineTest;

/** Splits of a loaded data set: roles, sizes, stratification, and the normalisation. */
@EngineTest
class DataSplitsTest {

    private static final DatasetDefinition CIFAR10 = new Cifar10Dataset();

    @TempDir Path tmp;

    private NDManager manager;
    private Path dir;

    @BeforeEach
    void setUp() throws IOException {
        manager = EngineSelection.fromSystem().engine().newBaseManager(Device.cpu());
        dir = SyntheticData.writeDjlLayout(tmp.resolve("djl"));
    }

    @AfterEach
    void tearDown() {
        manager.close();
    }

    private LoadedDataset load() {
        return new DatasetLoader(new DataCache(tmp.resolve("cache")))
                .load(CIFAR10, DataSource.local(dir), manager);
    }

    /** All images of a split, read batch by batch in order, as (N, C, H, W) values. */
    static float[] gather(Split split) {
        float[] all = new float[0];
        for (Batch batch : split.inOrder(7)) {
            float[] part = batch.getData().head().toFloatArray();
            batch.close();
            float[] grown = Arrays.copyOf(all, all.length + part.length);
            System.arraycopy(part, 0, grown, all.length, part.length);
            all = grown;
        }
        return all;
    }

    @Test
    void rolesSizesAndStratification() {
        try (DataSplits splits = DataSplits.create(load(), new SplitSpec(20, 30, 5))) {
            assertEquals(Split.Role.TRAINING, splits.training().role());
            assertEquals(Split.Role.VALIDATION, splits.validation().role());
            assertEquals(Split.Role.TEST, splits.test().role());
            assertEquals(30, splits.training().size());
            assertEquals(20, splits.validation().size());
            assertEquals(SyntheticData.TEST, splits.test().size());
            int[] three = new int[10];
            Arrays.fill(three, 3);
            int[] two = new int[10];
            Arrays.fill(two, 2);
            assertArrayEquals(three, splits.training().classCounts());
            assertArrayEquals(two, splits.validation().classCounts());
            assertArrayEquals(two, splits.test().classCounts());
            long[] training = splits.training().indices();
            assertTrue(
                    Arrays.stream(splits.validation().indices())
                            .noneMatch(v -> Arrays.stream(training).anyMatch(t -> t == v)),
                    "disjoint");
            assertEquals(CIFAR10, splits.dataset());
        }
    }

    @Test
    void theSameSeedGivesTheSameSplitsAndAnotherSeedOthers() {
        long[] first;
        long[] again;
        long[] other;
        try (DataSplits splits = DataSplits.create(load(), new SplitSpec(20, 0, 7))) {
            first = splits.validation().indices();
        }
        try (DataSplits splits = DataSplits.create(load(), new SplitSpec(20, 0, 7))) {
            again = splits.validation().indices();
        }
        try (DataSplits splits = DataSplits.create(load(), new SplitSpec(20, 0, 8))) {
            other = splits.validation().indices();
        }
        assertArrayEquals(first, again);
        assertTrue(!Arrays.equals(first, other));
    }

    @Test
    void fittedNormalisationGivesMeanZeroAndStdOneOnTheTrainingSplit() {
        try (DataSplits splits = DataSplits.create(load(), new SplitSpec(20, 0, 5))) {
            float[] values = gather(splits.training());
            int perImage = 3 * 32 * 32;
            for (int c = 0; c < 3; c++) {
                double sum = 0;
                double squares = 0;
                int n = 0;
                for (int image = 0; image < values.length / perImage; image++) {
                    for (int p = 0; p < 1024; p++) {
                        double v = values[image * perImage + c * 1024 + p];
                        sum += v;
                        squares += v * v;
                        n++;
                    }
                }
                double mean = sum / n;
                double std = Math.sqrt(squares / n - mean * mean);
                assertEquals(0, mean, 1e-4, "mean of channel " + c);
                assertEquals(1, std, 1e-4, "std of channel " + c);
            }
            // the test split gets the training split's constants
            Normalization norm = splits.normalization();
            float[] test = gather(splits.test());
            float[] raw = SyntheticData.expectedImages(true, 3, 32);
            for (int i = 0; i < raw.length; i += 97) {
                int c = (i / 1024) % 3;
                assertEquals((raw[i] / 255 - norm.mean()[c]) / norm.std()[c], test[i], 1e-5);
            }
        }
    }

    @Test
    void givenConstantsAreAppliedAsGiven() {
        try (DataSplits splits =
                DataSplits.create(
                        load(), new SplitSpec(20, 0, 5), Normalization.cifar10Published())) {
            float[] test = gather(splits.test());
            float[] raw = SyntheticData.expectedImages(true, 3, 32);
            float[] mean = {0.4914f, 0.4822f, 0.4465f};
            float[] std = {0.2023f, 0.1994f, 0.2010f};
            for (int i = 0; i < raw.length; i += 89) {
                int c = (i / 1024) % 3;
                assertEquals((raw[i] / 255 - mean[c]) / std[c], test[i], 1e-5);
            }
            assertEquals(DataType.FLOAT32, splits.training().source().images().getDataType());
        }
    }

    @Test
    void theTestSplitCannotBeUsedForWeightsNorAnythingButTrainingAugmented() {
        try (DataSplits splits = DataSplits.create(load(), new SplitSpec(20, 0, 5))) {
            assertSame(splits.validation(), splits.validation().requireUsableForWeights());
            IllegalStateException e =
                    assertThrows(
                            IllegalStateException.class,
                            () -> splits.test().requireUsableForWeights());
            assertEquals(
                    "the test split must never be used to compute class weights; score the validation split",
                    e.getMessage());
            IllegalArgumentException a =
                    assertThrows(
                            IllegalArgumentException.class,
                            () -> splits.validation().shuffled(8, 1, 0, Augmentation.cifar10()));
            assertEquals(
                    "the validation split is never augmented; augmentation is for the training split only",
                    a.getMessage());
        }
    }

    @Test
    void sizesThatDoNotFitLeaveTheDataUntouched() {
        try (LoadedDataset data = load()) {
            DataException e =
                    assertThrows(
                            DataException.class,
                            () -> DataSplits.create(data, new SplitSpec(70, 0, 5)));
            assertEquals(
                    "validation size 70 needs 7 images of each class, but class 0 'airplane' has only 6 in the"
                            + " training set",
                    e.getMessage());
            assertEquals(
                    "the normalisation has 1 channels; cifar10 images have 3",
                    assertThrows(
                                    DataException.class,
                                    () ->
                                            DataSplits.create(
                                                    data,
                                                    new SplitSpec(20, 0, 5),
                                                    new Normalization(
                                                            new float[] {0.5f},
                                                            new float[] {0.25f})))
                            .getMessage());
            try (DataSplits splits = DataSplits.create(data, new SplitSpec(20, 0, 5))) {
                assertEquals(40, splits.training().size(), "the data can still be split");
            }
        }
    }

    @Test
    void aLoadedDataSetIsSplitOnceOnly() {
        LoadedDataset data = load();
        try (DataSplits splits = DataSplits.create(data, new SplitSpec(20, 0, 5))) {
            assertThrows(
                    IllegalStateException.class,
                    () -> DataSplits.create(data, new SplitSpec(20, 0, 5)));
        }
        assertEquals(0, manager.getManagedArrays().size(), "closing the splits frees every array");
    }
}

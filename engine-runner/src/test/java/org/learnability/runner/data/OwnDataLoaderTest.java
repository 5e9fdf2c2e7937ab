package org.learnability.runner.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.djl.Device;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.learnability.runner.engine.EngineSelection;
import org.learnability.runner.model.CnnSmall;
import org.learnability.runner.model.HiddenSizes;
import org.learnability.runner.model.ImageShape;
import org.learnability.runner.model.Mlp;
import org.learnability.runner.testing.EngineTest;

/**
 * A user's image folder and CSV table loaded on the engine: exactly the pixels and values the files
 * hold, the labels of their classes, the test split cut the same way each time, a table
 * standardised per feature on the training split; {@code mlp} on a table.
 */
@EngineTest
class OwnDataLoaderTest {

    @TempDir Path dir;

    private NDManager manager;
    private DatasetLoader loader;

    @BeforeEach
    void setUp() {
        manager = EngineSelection.fromSystem().engine().newBaseManager(Device.cpu());
        loader = new DatasetLoader(new DataCache(dir.resolve("cache")));
    }

    @AfterEach
    void tearDown() {
        manager.close();
    }

    private LoadedDataset load(DatasetDefinition registered, Path where, DataOptions options) {
        DatasetDefinition data = loader.at(registered, DataSource.local(where), options);
        return loader.load(data, DataSource.local(where), manager);
    }

    @Test
    void greyPngsLoadAsTheyAreAndTheTestCutIsStratifiedAndTheSameEveryTime() {
        Path root = OwnData.greyFolder(dir.resolve("f"), List.of("b", "a"), 4);
        DataOptions options = new DataOptions(0, 2, "");
        float[] firstTest;
        try (LoadedDataset data = load(new ImageFolderDataset(), root, options)) {
            assertEquals(List.of("a", "b"), data.train().classNames());
            assertEquals(new Shape(6, 1, 5, 6), data.train().images().getShape());
            assertEquals(new Shape(2, 1, 5, 6), data.test().images().getShape());
            assertEquals(DataType.FLOAT32, data.train().images().getDataType());
            assertArrayEquals(new int[] {0, 1}, sortedLabels(data.test().labelValues()));
            assertEquals(new TestSource(TestSource.CUT, root.toString(), 2), data.testSource());
            firstTest = data.test().images().toFloatArray();
            // every image is one of the written ones: class a is folder "a" (label 0, written
            // as class index 1 of the list above), its pixels grey(1, i, y, x)
            float[] train = data.train().images().toFloatArray();
            int[] labels = data.train().labelValues();
            for (int n = 0; n < labels.length; n++) {
                int written = labels[n] == 0 ? 1 : 0;
                int index = findIndex(train, n, written);
                assertEquals(true, index >= 0, "image " + n + " is one of its class's files");
            }
        }
        try (LoadedDataset again = load(new ImageFolderDataset(), root, options)) {
            assertArrayEquals(firstTest, again.test().images().toFloatArray());
        }
    }

    private static int[] sortedLabels(int[] labels) {
        int[] copy = labels.clone();
        java.util.Arrays.sort(copy);
        return copy;
    }

    /** The index i whose file grey(c, i, ., .) the n-th image of 6x5 pixels is, or -1. */
    private static int findIndex(float[] images, int n, int c) {
        for (int i = 0; i < 4; i++) {
            boolean same = true;
            for (int y = 0; y < 5 && same; y++) {
                for (int x = 0; x < 6 && same; x++) {
                    same = images[n * 30 + y * 6 + x] == OwnData.grey(c, i, y, x);
                }
            }
            if (same) {
                return i;
            }
        }
        return -1;
    }

    @Test
    void rgbPngsOfATestFolderLoadAsRgbAndResizingGivesTheAskedSize() {
        Path root = dir.resolve("split");
        for (String set : List.of("train", "test")) {
            OwnData.rgb(root.resolve(set + "/red/1.png"), "png", 0xC81E0A, 8);
            OwnData.rgb(root.resolve(set + "/blue/1.png"), "png", 0x0A1EC8, 8);
        }
        try (LoadedDataset data = load(new ImageFolderDataset(), root, DataOptions.NONE)) {
            assertEquals(List.of("blue", "red"), data.test().classNames());
            assertEquals(new Shape(2, 3, 8, 8), data.test().images().getShape());
            float[] pixels = data.test().images().toFloatArray();
            assertArrayEquals(
                    new float[] {10, 30, 200},
                    new float[] {pixels[0], pixels[64], pixels[128]},
                    "blue's R, G, B");
            assertEquals(TestSource.FOLDER, data.testSource().from());
            assertEquals(2, data.testSource().images());
        }
        try (LoadedDataset small =
                load(new ImageFolderDataset(), root, new DataOptions(4, 0, ""))) {
            assertEquals(new Shape(2, 3, 4, 4), small.train().images().getShape());
            assertEquals(200f, small.train().images().toFloatArray()[32], "a plain colour stays");
        }
    }

    @Test
    void aTableLoadsItsValuesAndIsStandardisedOnItsTrainingSplit() {
        // rows r = 0..11, classes x, y, z by r % 3; a = r, b = 2r + 1
        Path file = OwnData.table(dir.resolve("t.csv"), List.of("x", "y", "z"), 12);
        DataOptions options = new DataOptions(0, 3, "label");
        DatasetDefinition data = loader.at(new CsvTableDataset(), DataSource.local(file), options);
        LoadedDataset loaded = loader.load(data, DataSource.local(file), manager);
        assertEquals(new Shape(9, 2, 1, 1), loaded.train().images().getShape());
        float[] rest = loaded.train().images().toFloatArray();
        int[] labels = loaded.train().labelValues();
        for (int n = 0; n < labels.length; n++) {
            int r = (int) rest[2 * n];
            assertEquals(2 * r + 1, rest[2 * n + 1], "b = 2a + 1");
            assertEquals(r % 3, labels[n], "class of row " + r);
        }
        try (DataSplits splits = DataSplits.create(loaded, new SplitSpec(3, 0, 1))) {
            Split training = splits.training();
            assertEquals(6, training.size());
            float[] raw = new float[training.size()];
            float[] scaled = splits.training().source().images().toFloatArray();
            long[] indices = training.indices();
            // a's standardised values over the training rows: mean 0, population sd 1; b is a
            // linear function of a with a positive slope, so it standardises to the same
            double sum = 0;
            double squares = 0;
            for (int k = 0; k < indices.length; k++) {
                double a = scaled[(int) indices[k] * 2];
                assertEquals(a, scaled[(int) indices[k] * 2 + 1], 1e-5);
                sum += a;
                squares += a * a;
                raw[k] = rest[(int) indices[k] * 2];
            }
            assertEquals(0, sum / indices.length, 1e-5);
            assertEquals(1, squares / indices.length, 1e-5);
            double mean = 0;
            for (float r : raw) {
                mean += r / raw.length;
            }
            double variance = 0;
            for (float r : raw) {
                variance += (r - mean) * (r - mean) / raw.length;
            }
            float[] m = splits.normalization().mean();
            float[] s = splits.normalization().std();
            assertEquals(mean, m[0] * 255, 1e-3);
            assertEquals(Math.sqrt(variance), s[0] * 255, 1e-3);
        }
    }

    @Test
    void aTableWithAByteOrderMarkLoadsAsWithout() {
        // Excel's "CSV UTF-8" starts with the mark, before the first column's name: a feature's
        // or the label's
        int n = 0;
        for (String rows :
                List.of(
                        "a,label,b\n1,p,3\n2,q,5\n3,p,7\n4,q,9\n",
                        "label,a\np,1\nq,2\np,3\nq,4\n")) {
            n++;
            Path marked = OwnData.text(dir.resolve("marked-" + n + ".csv"), "\uFEFF" + rows);
            Path plain = OwnData.text(dir.resolve("plain-" + n + ".csv"), rows);
            LoadedDataset withMark = table(marked);
            LoadedDataset without = table(plain);
            assertEquals(List.of("p", "q"), withMark.dataset().classNames());
            assertArrayEquals(
                    without.train().images().toFloatArray(),
                    withMark.train().images().toFloatArray());
            assertArrayEquals(without.train().labelValues(), withMark.train().labelValues());
        }
    }

    private LoadedDataset table(Path file) {
        DataOptions options = new DataOptions(0, 2, "label");
        return loader.load(
                loader.at(new CsvTableDataset(), DataSource.local(file), options),
                DataSource.local(file),
                manager);
    }

    @Test
    void aConstantFeatureOfATableStaysAndBecomesZero() {
        Path file =
                OwnData.text(
                        dir.resolve("c.csv"),
                        "k,v,label\n5,1,p\n5,2,q\n5,3,p\n5,4,q\n5,5,p\n5,6,q\n");
        DataOptions options = new DataOptions(0, 2, "label");
        DatasetDefinition data = loader.at(new CsvTableDataset(), DataSource.local(file), options);
        try (DataSplits splits =
                DataSplits.create(
                        loader.load(data, DataSource.local(file), manager),
                        new SplitSpec(2, 0, 3))) {
            float[] all = splits.training().source().images().toFloatArray();
            for (int i = 0; i < all.length; i += 2) {
                assertEquals(0f, all[i], "k is 5 everywhere");
            }
        }
    }

    @Test
    void aTestCutAClassCannotFillIsOneLine() {
        Path file = OwnData.table(dir.resolve("t.csv"), List.of("x", "y"), 4);
        DatasetDefinition data =
                loader.at(
                        new CsvTableDataset(),
                        DataSource.local(file),
                        new DataOptions(0, 4, "label"));
        DataException e =
                assertThrows(
                        DataException.class,
                        () -> loader.load(data, DataSource.local(file), manager));
        assertEquals(
                "--test-size 4 needs 2 rows of each class, and more for training, but class 0"
                        + " 'x' has only 2 in "
                        + file,
                e.getMessage());
    }

    @Test
    void mlpMapsARowToLogitsAndItsLastLayerIsTheClassifier() {
        Block block = new Mlp(HiddenSizes.parse("8,4")).build(new ImageShape(5, 1, 1), 3);
        assertInstanceOf(SequentialBlock.class, block);
        List<Block> children = block.getChildren().values();
        assertInstanceOf(Linear.class, children.get(children.size() - 1));
        block.initialize(manager, DataType.FLOAT32, new Shape(2, 5, 1, 1));
        NDList out =
                block.forward(
                        new ParameterStore(manager, false),
                        new NDList(manager.ones(new Shape(2, 5, 1, 1))),
                        false);
        assertEquals(new Shape(2, 3), out.singletonOrThrow().getShape());
        assertEquals(
                "model 'mlp' is for tables (features x 1 x 1), not images of 1x28x28; choose an"
                        + " image model",
                assertThrows(
                                IllegalArgumentException.class,
                                () -> new Mlp().build(ImageShape.FASHION_MNIST, 10))
                        .getMessage());
        assertEquals(
                "model 'cnn-small' needs images of at least 4x4 pixels (two 2x2 max-pools), not"
                        + " 64x1x1",
                assertThrows(
                                IllegalArgumentException.class,
                                () -> new CnnSmall().build(new ImageShape(64, 1, 1), 10))
                        .getMessage());
    }
}

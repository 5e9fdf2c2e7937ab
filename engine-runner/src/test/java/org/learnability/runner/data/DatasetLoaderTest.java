package org.learnability.runner.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.djl.Device;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.learnability.runner.engine.EngineSelection;
import org.learnability.runner.testing.EngineTest;

/**
 * Every accepted layout, read through DJL's own classes, gives exactly the images the files hold.
 */
@EngineTest
class DatasetLoaderTest {

    private static final DatasetDefinition CIFAR10 = new Cifar10Dataset();
    private static final DatasetDefinition FASHION_MNIST = new FashionMnistDataset();

    @TempDir Path tmp;

    private NDManager manager;
    private DatasetLoader loader;

    @BeforeEach
    void setUp() {
        manager = EngineSelection.fromSystem().engine().newBaseManager(Device.cpu());
        loader = new DatasetLoader(new DataCache(tmp.resolve("cache")));
    }

    @AfterEach
    void tearDown() {
        manager.close();
    }

    private static void assertImages(ImageSet set, boolean test, int channels, int side) {
        int n = SyntheticData.count(test);
        assertEquals(new Shape(n, channels, side, side), set.images().getShape());
        assertEquals(DataType.FLOAT32, set.images().getDataType());
        assertArrayEquals(
                SyntheticData.expectedImages(test, channels, side), set.images().toFloatArray());
        assertArrayEquals(SyntheticData.labels(test), set.labelValues());
    }

    @Test
    void everyCifar10LayoutLoadsTheImagesTheFilesHold() throws IOException {
        Path djl = SyntheticData.writeDjlLayout(tmp.resolve("djl"));
        Path folder =
                SyntheticData.writeOfficialFolder(tmp.resolve("official/cifar-10-batches-bin"));
        Path archive = SyntheticData.writeArchive(tmp.resolve("download/cifar-10-binary.tar.gz"));
        for (Path location :
                List.of(djl, folder, folder.getParent(), archive, archive.getParent())) {
            try (LoadedDataset data = loader.load(CIFAR10, DataSource.local(location), manager)) {
                assertEquals(CIFAR10, data.dataset());
                assertImages(data.train(), false, 3, 32);
                assertImages(data.test(), true, 3, 32);
                assertEquals(new Cifar10Dataset().classNames(), data.train().classNames());
                assertSame(manager.getEngine(), data.train().images().getManager().getEngine());
            }
        }
    }

    @Test
    void fashionMnistLoadsTheImagesTheFilesHold() throws IOException {
        Path dir = SyntheticData.writeFashion(tmp.resolve("fashion-mnist"));
        try (LoadedDataset data = loader.load(FASHION_MNIST, DataSource.local(dir), manager)) {
            assertImages(data.train(), false, 1, 28);
            assertImages(data.test(), true, 1, 28);
            assertEquals("Ankle boot", data.test().classNames().get(9));
        }
    }

    @Test
    void badInputFailsBeforeDjlAndLeavesNoArrays() throws IOException {
        Path dir = SyntheticData.writeDjlLayout(tmp.resolve("djl"));
        java.nio.file.Files.write(dir.resolve("data_batch.bin"), new byte[3073 + 1]);
        DataException e =
                assertThrows(
                        DataException.class,
                        () -> loader.load(CIFAR10, DataSource.local(dir), manager));
        assertEquals(
                dir.resolve("data_batch.bin")
                        + ": size 3074 bytes is not a whole number of 3073-byte CIFAR-10"
                        + " records (1 label byte + 3072 pixel bytes)",
                e.getMessage());
        assertEquals(0, manager.getManagedArrays().size());
    }
}

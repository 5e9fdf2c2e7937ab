package org.learnability.runner.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.inject.Guice;
import com.google.inject.Key;
import com.google.inject.TypeLiteral;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.learnability.runner.model.ImageShape;
import org.learnability.runner.registry.Registry;
import org.learnability.runner.wiring.DataModule;

/** The data sets as the application registers them, and where each takes its data by default. */
class DatasetRegistryTest {

    @TempDir Path dir;

    private Registry<DatasetDefinition> registry() {
        return Guice.createInjector(new DataModule(dir.resolve("cache")))
                .getInstance(Key.get(new TypeLiteral<Registry<DatasetDefinition>>() {}));
    }

    @Test
    void namesParseIgnoringCaseAndAnUnknownOneListsTheValidOnes() {
        Registry<DatasetDefinition> datasets = registry();
        assertEquals(List.of("cifar10", "fashion-mnist", "image-folder", "csv"), datasets.names());
        assertSame(Cifar10Dataset.class, datasets.get(" CIFAR10 ").getClass());
        assertSame(FashionMnistDataset.class, datasets.get("Fashion-MNIST").getClass());
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> datasets.get("mnist"));
        assertEquals(
                "unknown data set 'mnist'; valid names: cifar10, fashion-mnist, image-folder, csv",
                e.getMessage());
    }

    @Test
    void shapesAndClassesAreTheOfficialOnes() {
        Registry<DatasetDefinition> datasets = registry();
        assertEquals(ImageShape.CIFAR10, datasets.get("cifar10").imageShape());
        assertEquals(ImageShape.FASHION_MNIST, datasets.get("fashion-mnist").imageShape());
        assertEquals("cat", datasets.get("cifar10").classNames().get(3));
        assertEquals("Shirt", datasets.get("fashion-mnist").classNames().get(6));
        assertEquals(10, datasets.get("fashion-mnist").numClasses());
    }

    @Test
    void fashionMnistDefaultsToDebiansDirectoryOnlyWhereItExists() throws Exception {
        Path debian = dir.resolve("debian");
        assertEquals(DataSource.download(), new FashionMnistDataset(debian).defaultSource());
        Files.createDirectories(debian);
        assertEquals(DataSource.local(debian), new FashionMnistDataset(debian).defaultSource());
        assertEquals(DataSource.download(), new Cifar10Dataset().defaultSource());
    }

    @Test
    void onlyCifar10HasAnAugmentation() {
        assertEquals(Augmentation.cifar10(), new Cifar10Dataset().augmentation().orElseThrow());
        assertEquals(true, new FashionMnistDataset().augmentation().isEmpty());
    }
}

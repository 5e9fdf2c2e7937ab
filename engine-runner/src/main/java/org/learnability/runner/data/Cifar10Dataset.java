package org.learnability.runner.data;

import ai.djl.basicdataset.cv.classification.Cifar10;
import ai.djl.ndarray.NDManager;
import ai.djl.repository.Repository;
import ai.djl.training.dataset.ArrayDataset;
import ai.djl.training.dataset.Dataset.Usage;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.learnability.runner.model.ImageShape;

/**
 * CIFAR-10 (Krizhevsky, 2009): 32x32 RGB, 50,000 training and 10,000 test images of ten classes,
 * through DJL's {@link Cifar10} (local files read as it reads them, {@link Cifar10Binary}). Local
 * data in DJL's layout, the official folder or the official archive ({@link Cifar10Files}); random
 * crop and flip as its augmentation.
 */
public final class Cifar10Dataset implements DatasetDefinition {

    /** The name on command lines and in records. */
    public static final String NAME = "cifar10";

    private static final List<String> CLASSES =
            List.of(
                    "airplane",
                    "automobile",
                    "bird",
                    "cat",
                    "deer",
                    "dog",
                    "frog",
                    "horse",
                    "ship",
                    "truck");

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "CIFAR-10: 32x32 RGB, 50,000 training and 10,000 test images, 10 classes";
    }

    @Override
    public List<String> classNames() {
        return CLASSES;
    }

    @Override
    public ImageShape imageShape() {
        return ImageShape.CIFAR10;
    }

    @Override
    public DataSource defaultSource() {
        return DataSource.download();
    }

    @Override
    public Optional<Augmentation> augmentation() {
        return Optional.of(Augmentation.cifar10());
    }

    @Override
    public Path prepare(Path location, DataCache cache) {
        return Cifar10Files.prepare(location, cache);
    }

    @Override
    public ArrayDataset djlDataset(
            Optional<Repository> repository, Usage usage, NDManager manager) {
        if (repository.isPresent() && "file".equals(repository.get().getBaseUri().getScheme())) {
            return Cifar10Binary.read(Path.of(repository.get().getBaseUri()), usage, manager);
        }
        Cifar10.Builder builder =
                Cifar10.builder().optManager(manager).optUsage(usage).setSampling(1, false);
        return repository.map(builder::optRepository).orElse(builder).build();
    }

    @Override
    public String toString() {
        return NAME;
    }
}

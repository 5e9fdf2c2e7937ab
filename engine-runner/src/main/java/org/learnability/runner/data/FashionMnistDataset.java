package org.learnability.runner.data;

import ai.djl.basicdataset.cv.classification.FashionMnist;
import ai.djl.ndarray.NDManager;
import ai.djl.repository.Repository;
import ai.djl.training.dataset.ArrayDataset;
import ai.djl.training.dataset.Dataset.Usage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.learnability.runner.model.ImageShape;

/**
 * Fashion-MNIST (Xiao et al., 2017): 28x28 grey, 60,000 training and 10,000 test images of ten
 * classes, through DJL's {@link FashionMnist}. Local data: the four official {@code *-ubyte.gz}
 * files ({@link FashionMnistFiles}); by default Debian's package {@code dataset-fashion-mnist} when
 * it is installed, else DJL's download.
 */
public final class FashionMnistDataset implements DatasetDefinition {

    /** The name on command lines and in records. */
    public static final String NAME = "fashion-mnist";

    /** The directory where Debian's package {@code dataset-fashion-mnist} puts the files. */
    public static final Path DEBIAN_DIRECTORY = Path.of("/usr/share/datasets/fashion-mnist");

    private static final List<String> CLASSES =
            List.of(
                    "T-shirt/top",
                    "Trouser",
                    "Pullover",
                    "Dress",
                    "Coat",
                    "Sandal",
                    "Shirt",
                    "Sneaker",
                    "Bag",
                    "Ankle boot");

    private final Path debianDirectory;

    /** The data set, with Debian's directory as the default location when it exists. */
    public FashionMnistDataset() {
        this(DEBIAN_DIRECTORY);
    }

    /**
     * The data set with another default location, for tests.
     *
     * @param debianDirectory used when it is a directory and no other is given
     */
    FashionMnistDataset(Path debianDirectory) {
        this.debianDirectory = debianDirectory;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "Fashion-MNIST: 28x28 grey, 60,000 training and 10,000 test images, 10 classes";
    }

    @Override
    public List<String> classNames() {
        return CLASSES;
    }

    @Override
    public ImageShape imageShape() {
        return ImageShape.FASHION_MNIST;
    }

    /** Debian's {@code /usr/share/datasets/fashion-mnist} when present, else DJL's download. */
    @Override
    public DataSource defaultSource() {
        return Files.isDirectory(debianDirectory)
                ? DataSource.local(debianDirectory)
                : DataSource.download();
    }

    @Override
    public Path prepare(Path location, DataCache cache) {
        return FashionMnistFiles.prepare(location, cache);
    }

    @Override
    public ArrayDataset djlDataset(
            Optional<Repository> repository, Usage usage, NDManager manager) {
        FashionMnist.Builder builder =
                FashionMnist.builder().optManager(manager).optUsage(usage).setSampling(1, false);
        return repository.map(builder::optRepository).orElse(builder).build();
    }

    @Override
    public String toString() {
        return NAME;
    }
}

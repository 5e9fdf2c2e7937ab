package org.learnability.runner.data;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.repository.Repository;
import ai.djl.training.dataset.ArrayDataset;
import ai.djl.training.dataset.Dataset.Usage;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.learnability.runner.model.ImageShape;

/**
 * A user's own images: {@code --data-dir DIR} with one sub-folder of PNG or JPEG images per class
 * (class names from the folder names, sorted), checked and converted by {@link ImageFolderFiles}.
 * The test split is the images of a {@code test/} (or {@code val/}) folder beside {@code train/}
 * when there is one, else {@code --test-size} images held out of the data ({@link TestCut}). As
 * registered it knows no folder; {@link #at} gives the data set of one.
 */
public final class ImageFolderDataset implements DatasetDefinition {

    /** The name on command lines and in records. */
    public static final String NAME = "image-folder";

    private final Optional<ImageFolderFiles.Converted> data;
    private final Path folder;
    private final int testSize;

    /** The data set as registered: no folder yet. */
    public ImageFolderDataset() {
        this(Optional.empty(), Path.of(""), 0);
    }

    private ImageFolderDataset(
            Optional<ImageFolderFiles.Converted> data, Path folder, int testSize) {
        this.data = data;
        this.folder = folder;
        this.testSize = testSize;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "your own images: --data-dir DIR with one sub-folder of PNG or JPEG images per class";
    }

    private ImageFolderFiles.Converted data() {
        return data.orElseThrow(
                () ->
                        new IllegalStateException(
                                NAME
                                        + " has the classes and images of a folder; give it one (at)"));
    }

    /** The class folders' names, sorted. */
    @Override
    public List<String> classNames() {
        return data().classes();
    }

    /** The first image's size or {@code --image-size}; grey if the first image is grey. */
    @Override
    public ImageShape imageShape() {
        return data().shape();
    }

    /** None: a folder must be given. */
    @Override
    public boolean userData() {
        return true;
    }

    @Override
    public DataSource defaultSource() {
        return DataSource.download();
    }

    @Override
    public void checkOptions(DataOptions options) {
        if (!options.label().isEmpty()) {
            throw new DataException(
                    "--label "
                            + options.label()
                            + " is for csv tables; "
                            + NAME
                            + " takes its classes from its folders' names");
        }
    }

    @Override
    public DatasetDefinition at(DataSource source, DataOptions options, DataCache cache) {
        checkOptions(options);
        if (!(source instanceof DataSource.Local local)) {
            throw new DataException(NAME + " needs --data-dir DIR: " + ImageFolderFiles.EXPECTED);
        }
        ImageFolderFiles.Converted converted =
                ImageFolderFiles.convert(local.path(), options.imageSize(), cache);
        if (converted.testFolder().isPresent() && options.testSize() > 0) {
            throw new DataException(
                    "--test-size "
                            + options.testSize()
                            + " holds test images out of the data, but "
                            + converted.testFolder().get()
                            + " is its test split; leave --test-size out, or the test folder");
        }
        if (converted.testFolder().isEmpty() && options.testSize() == 0) {
            throw new DataException(
                    local.path()
                            + " has no test/ (or val/) folder beside train/; give --test-size N to"
                            + " hold N images out of it as the test split (an equal count per"
                            + " class)");
        }
        return new ImageFolderDataset(Optional.of(converted), local.path(), options.testSize());
    }

    @Override
    public TestSource testSource() {
        return data().testFolder()
                .map(f -> new TestSource(TestSource.FOLDER, f.toString(), 0))
                .orElseGet(() -> new TestSource(TestSource.CUT, folder.toString(), testSize));
    }

    /** A part per class folder, of its images' names, sizes and times. */
    @Override
    public DataFingerprint fingerprint(DataSource source) {
        return ImageFolderListing.of(folder).fingerprint();
    }

    /** The converted cache entry; the folder was checked and converted by {@link #at}. */
    @Override
    public Path prepare(Path location, DataCache cache) {
        return data().entry();
    }

    @Override
    public ArrayDataset djlDataset(
            Optional<Repository> repository, Usage usage, NDManager manager) {
        ImageFolderFiles.Converted converted = data();
        String set = usage == Usage.TEST ? "test" : "train";
        int count = usage == Usage.TEST ? converted.testImages() : converted.trainImages();
        ImageShape shape = converted.shape();
        Path entry = converted.entry();
        try {
            byte[] pixels = Files.readAllBytes(entry.resolve(set + "-images.bin"));
            float[] labels = new float[count];
            try (InputStream raw = Files.newInputStream(entry.resolve(set + "-labels.bin"));
                    DataInputStream in = new DataInputStream(raw)) {
                for (int i = 0; i < count; i++) {
                    labels[i] = in.readInt();
                }
            }
            NDArray images =
                    manager.create(
                                    ByteBuffer.wrap(pixels),
                                    new Shape(
                                            count, shape.height(), shape.width(), shape.channels()),
                                    DataType.UINT8)
                            .toType(DataType.FLOAT32, false);
            return new ArrayDataset.Builder()
                    .setData(images)
                    .optLabels(manager.create(labels))
                    .setSampling(1, false)
                    .build();
        } catch (IOException e) {
            throw new DataException(
                    entry + ": cannot read the converted images (" + e.getMessage() + ")", e);
        }
    }

    @Override
    public String toString() {
        return NAME;
    }
}

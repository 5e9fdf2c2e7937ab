package org.learnability.runner.data;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import ai.djl.repository.Repository;
import ai.djl.training.dataset.ArrayDataset;
import ai.djl.training.dataset.Batch;
import ai.djl.training.dataset.Dataset.Usage;
import ai.djl.translate.TranslateException;
import ai.djl.util.Utils;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import org.learnability.runner.model.ImageShape;

/**
 * Loads a data set through its DJL dataset ({@link DatasetDefinition#djlDataset}), from DJL's
 * download or from a local directory, into memory as {@code (N, C, H, W)} tensors.
 *
 * <p>Local files are found and validated first ({@link DatasetDefinition#prepare}); layouts DJL
 * cannot read are converted into the {@link DataCache}. DJL then reads the directory through {@code
 * Repository.newInstance(name, dir)}, so DJL never sees bad input. DJL yields images as {@code (N,
 * H, W, C)} float32; they are transposed once to {@code (N, C, H, W)}.
 *
 * <p>The engine is the one of the {@link NDManager} passed in; the arrays live on its device. DJL's
 * dataset builders create (and at once close) a manager of DJL's default engine, which is why the
 * application sets {@code ai.djl.default_engine} at start-up.
 */
public final class DatasetLoader {

    private final DataCache cache;

    /**
     * Creates the loader.
     *
     * @param cache where converted local layouts are kept
     */
    @Inject
    public DatasetLoader(DataCache cache) {
        this.cache = cache;
    }

    /**
     * Loads the training and test sets: the data set's own test set, or one held out of the
     * training data ({@link TestSource#CUT}, by {@link TestCut}).
     *
     * @param dataset the data set
     * @param source DJL's download or a local file or directory
     * @param manager the manager whose engine and device hold the arrays; the result owns a
     *     sub-manager of it
     * @return the loaded data set; close it (or the {@link DataSplits} made from it) to free it
     * @throws DataException for missing or bad input, naming the file and what was expected
     */
    public LoadedDataset load(DatasetDefinition dataset, DataSource source, NDManager manager) {
        DataFingerprint fingerprint = dataset.fingerprint(source);
        Optional<Repository> repository = Optional.empty();
        String where = "DJL's download";
        if (source instanceof DataSource.Local local) {
            Path directory = dataset.prepare(local.path(), cache);
            repository = Optional.of(Repository.newInstance(dataset.name(), directory));
            where = directory.toString();
        }
        NDManager owner = manager.newSubManager();
        try {
            ImageSet train = read(dataset, repository, Usage.TRAIN, owner, where);
            TestSource testSource = dataset.testSource();
            if (testSource.isCut()) {
                return cut(dataset, train, testSource, owner, fingerprint);
            }
            ImageSet test = read(dataset, repository, Usage.TEST, owner, where);
            return new LoadedDataset(
                    dataset, train, test, owner, testSource.withImages(test.size()), fingerprint);
        } catch (RuntimeException e) {
            owner.close();
            throw e;
        }
    }

    /**
     * Returns a data set as a source and options make it ({@link DatasetDefinition#at}): itself for
     * a built-in one, the classes and shape of the data for a user's image folder or table, whose
     * files are checked (and converted into the cache) here.
     *
     * @param dataset the data set, as registered
     * @param source where the data is
     * @param options the options of the user's data
     * @return the data set to load
     * @throws DataException naming the file, value or option at fault
     */
    public DatasetDefinition at(DatasetDefinition dataset, DataSource source, DataOptions options) {
        return dataset.at(source, options, cache);
    }

    /** Holds the test split of {@link TestSource#CUT} out of the loaded training images. */
    private static LoadedDataset cut(
            DatasetDefinition dataset,
            ImageSet all,
            TestSource source,
            NDManager owner,
            DataFingerprint fingerprint) {
        long[][] parts =
                TestCut.choose(
                        all.labelValues(),
                        all.classNames(),
                        source.images(),
                        source.path(),
                        dataset.input().sample());
        ImageSet rest = subset(all, parts[0], owner);
        ImageSet test = subset(all, parts[1], owner);
        all.images().close();
        all.labels().close();
        return new LoadedDataset(dataset, rest, test, owner, source, fingerprint);
    }

    private static ImageSet subset(ImageSet all, long[] indices, NDManager owner) {
        try (NDManager scratch = owner.newSubManager()) {
            NDIndex index = new NDIndex("{}", scratch.create(indices));
            NDArray images = all.images().get(index);
            NDArray labels = all.labels().get(index);
            images.attach(owner);
            labels.attach(owner);
            return new ImageSet(images, labels, all.classNames());
        }
    }

    /**
     * Returns the fingerprint of the data at a source ({@link DatasetDefinition#fingerprint}).
     *
     * @param dataset the data set, as {@link #at} gives it
     * @param source the source
     * @return the fingerprint
     * @throws DataException naming a file that cannot be read
     */
    public DataFingerprint fingerprint(DatasetDefinition dataset, DataSource source) {
        return dataset.fingerprint(source);
    }

    /**
     * Checks that a source can be loaded without loading it: local files are validated (and
     * converted into the cache); DJL's download is not tried, but refused when DJL is offline
     * ({@code -Dai.djl.offline=true}).
     *
     * @param dataset the data set
     * @param source the source
     * @throws DataException naming the file and what was expected
     */
    public void check(DatasetDefinition dataset, DataSource source) {
        if (source instanceof DataSource.Local local) {
            dataset.prepare(local.path(), cache);
        } else if (Utils.isOfflineMode()) {
            throw new DataException(
                    dataset.name()
                            + ": no local data given and DJL may not download it (-Dai.djl.offline"
                            + "=true); give the directory of its files with --data-dir");
        }
    }

    private static ImageSet read(
            DatasetDefinition dataset,
            Optional<Repository> repository,
            Usage usage,
            NDManager owner,
            String where) {
        String set = dataset.name() + " " + usage.name().toLowerCase(Locale.ROOT) + " set";
        String source = set + " from " + where;
        ImageShape shape = dataset.imageShape();
        try (NDManager scratch = owner.newSubManager()) {
            ArrayDataset djl = dataset.djlDataset(repository, usage, scratch);
            djl.prepare();
            long n = djl.size();
            Batch all = djl.getByRange(scratch, 0, n);
            NDArray hwc = all.getData().singletonOrThrow();
            Shape expected = new Shape(n, shape.height(), shape.width(), shape.channels());
            if (!hwc.getShape().equals(expected)) {
                throw new DataException(
                        source
                                + ": DJL gave images of shape "
                                + hwc.getShape()
                                + "; expected "
                                + expected);
            }
            // (N, H, W, C) -> (N, C, H, W); flatten() + reshape() leave it contiguous on engines
            // whose transpose is a strided view (PyTorch), copying only if the view is not
            // contiguous
            NDArray images = hwc.transpose(0, 3, 1, 2).flatten().reshape(shape.batch(n));
            float[] labels = all.getLabels().singletonOrThrow().toFloatArray();
            for (int i = 0; i < labels.length; i++) {
                if (labels[i] < 0
                        || labels[i] >= dataset.numClasses()
                        || labels[i] != Math.rint(labels[i])) {
                    throw new DataException(
                            source
                                    + ": image "
                                    + i
                                    + " has label "
                                    + labels[i]
                                    + "; expected a class index from 0 to "
                                    + (dataset.numClasses() - 1));
                }
            }
            images.attach(owner);
            return new ImageSet(images, owner.create(labels), dataset.classNames());
        } catch (IOException | TranslateException e) {
            String cause = e.getClass().getSimpleName() + ": " + e.getMessage();
            if (repository.isEmpty()) {
                throw new DataException(
                        set
                                + ": DJL could not download it ("
                                + cause
                                + "); expected network access to DJL's repository, or give a local"
                                + " directory",
                        e);
            }
            throw new DataException(
                    set + ": DJL could not read it from " + where + " (" + cause + ")", e);
        }
    }
}

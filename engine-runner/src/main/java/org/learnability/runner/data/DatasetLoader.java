package org.learnability.runner.data;

import ai.djl.basicdataset.cv.classification.Cifar10;
import ai.djl.basicdataset.cv.classification.FashionMnist;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.repository.Repository;
import ai.djl.training.dataset.ArrayDataset;
import ai.djl.training.dataset.Batch;
import ai.djl.training.dataset.Dataset.Usage;
import ai.djl.translate.TranslateException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Loads a data set through DJL's built-in {@link Cifar10} or {@link FashionMnist}, from DJL's
 * download or from a local directory, into memory as {@code (N, C, H, W)} tensors.
 *
 * <p>Local files are found and validated first ({@link Cifar10Files}, {@link FashionMnistFiles});
 * layouts DJL cannot read are converted into the {@link DataCache}. DJL then reads the directory
 * through {@code Repository.newInstance(name, dir)}, so DJL never sees bad input. DJL yields images
 * as {@code (N, H, W, C)} float32; they are transposed once to {@code (N, C, H, W)}.
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
    public DatasetLoader(DataCache cache) {
        this.cache = cache;
    }

    /**
     * Loads the official training and test sets.
     *
     * @param name the data set
     * @param source DJL's download or a local file or directory
     * @param manager the manager whose engine and device hold the arrays; the result owns a
     *     sub-manager of it
     * @return the loaded data set; close it (or the {@link DataSplits} made from it) to free it
     * @throws DataException for missing or bad input, naming the file and what was expected
     */
    public LoadedDataset load(DatasetName name, DataSource source, NDManager manager) {
        Repository repository = null;
        String where = "DJL's download";
        if (source instanceof DataSource.Local local) {
            Path directory = prepare(name, local.path());
            repository = Repository.newInstance(name.id(), directory);
            where = directory.toString();
        }
        NDManager owner = manager.newSubManager();
        try {
            ImageSet train = read(name, repository, Usage.TRAIN, owner, where);
            ImageSet test = read(name, repository, Usage.TEST, owner, where);
            return new LoadedDataset(name, train, test, owner);
        } catch (RuntimeException e) {
            owner.close();
            throw e;
        }
    }

    /**
     * Validates the local data and returns a directory in DJL's layout, converting if needed.
     *
     * @param name the data set
     * @param location the user's file or directory
     * @return a directory DJL's class reads
     */
    public Path prepare(DatasetName name, Path location) {
        return switch (name) {
            case CIFAR10 -> Cifar10Files.prepare(location, cache);
            case FASHION_MNIST -> FashionMnistFiles.prepare(location, cache);
        };
    }

    private static ImageSet read(
            DatasetName name, Repository repository, Usage usage, NDManager owner, String where) {
        String set = usage.name().toLowerCase(Locale.ROOT);
        try (NDManager scratch = owner.newSubManager()) {
            ArrayDataset dataset = djlDataset(name, repository, usage, scratch);
            dataset.prepare();
            long n = dataset.size();
            Batch all = dataset.getByRange(scratch, 0, n);
            NDArray hwc = all.getData().singletonOrThrow();
            Shape expected = new Shape(n, name.height(), name.width(), name.channels());
            if (!hwc.getShape().equals(expected)) {
                throw new DataException(
                        name
                                + " "
                                + set
                                + " set from "
                                + where
                                + ": DJL gave images of shape "
                                + hwc.getShape()
                                + "; expected "
                                + expected);
            }
            // (N, H, W, C) -> (N, C, H, W); flatten() + reshape() leave it contiguous on engines
            // whose
            // transpose is a strided view (PyTorch), copying only if the view is not contiguous
            NDArray images =
                    hwc.transpose(0, 3, 1, 2)
                            .flatten()
                            .reshape(n, name.channels(), name.height(), name.width());
            float[] labels = all.getLabels().singletonOrThrow().toFloatArray();
            for (int i = 0; i < labels.length; i++) {
                if (labels[i] < 0
                        || labels[i] >= name.numClasses()
                        || labels[i] != Math.rint(labels[i])) {
                    throw new DataException(
                            name
                                    + " "
                                    + set
                                    + " set from "
                                    + where
                                    + ": image "
                                    + i
                                    + " has label "
                                    + labels[i]
                                    + "; expected a class index from 0 to "
                                    + (name.numClasses() - 1));
                }
            }
            images.attach(owner);
            return new ImageSet(images, owner.create(labels), name.classNames());
        } catch (IOException | TranslateException e) {
            String cause = e.getClass().getSimpleName() + ": " + e.getMessage();
            if (repository == null) {
                throw new DataException(
                        name
                                + " "
                                + set
                                + " set: DJL could not download it ("
                                + cause
                                + "); expected network access to DJL's repository, or give a local directory",
                        e);
            }
            throw new DataException(
                    name
                            + " "
                            + set
                            + " set: DJL could not read it from "
                            + where
                            + " ("
                            + cause
                            + ")",
                    e);
        }
    }

    private static ArrayDataset djlDataset(
            DatasetName name, Repository repository, Usage usage, NDManager manager) {
        return switch (name) {
            case CIFAR10 -> {
                Cifar10.Builder builder =
                        Cifar10.builder().optManager(manager).optUsage(usage).setSampling(1, false);
                yield (repository == null ? builder : builder.optRepository(repository)).build();
            }
            case FASHION_MNIST -> {
                FashionMnist.Builder builder =
                        FashionMnist.builder()
                                .optManager(manager)
                                .optUsage(usage)
                                .setSampling(1, false);
                yield (repository == null ? builder : builder.optRepository(repository)).build();
            }
        };
    }
}

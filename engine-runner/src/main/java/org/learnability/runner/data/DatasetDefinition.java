package org.learnability.runner.data;

import ai.djl.ndarray.NDManager;
import ai.djl.repository.Repository;
import ai.djl.training.dataset.ArrayDataset;
import ai.djl.training.dataset.Dataset.Usage;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.learnability.runner.model.ImageShape;
import org.learnability.runner.model.InputKind;
import org.learnability.runner.registry.Named;

/**
 * One data set Learnability can train on: its classes, its image shape, where its data comes from
 * by default, how local files are checked, and the DJL dataset that reads them. A new data set is
 * one class implementing this and one {@code MapBinder} line in {@code DataModule}; {@link
 * DatasetLoader} does the rest (loading into memory, label checks, the layout {@code (N, C, H,
 * W)}).
 */
public interface DatasetDefinition extends Named {

    /**
     * Returns the class names, index = label.
     *
     * @return the names
     */
    List<String> classNames();

    /**
     * Returns the shape of one image.
     *
     * @return {@code C x H x W}
     */
    ImageShape imageShape();

    /**
     * Returns the number of classes.
     *
     * @return the size of {@link #classNames()}
     */
    default int numClasses() {
        return classNames().size();
    }

    /**
     * Returns where the data comes from when no local directory is given.
     *
     * @return DJL's download, or a local directory that is known to hold the data
     */
    DataSource defaultSource();

    /**
     * Returns the training augmentation of this data set, if it has one.
     *
     * @return the augmentation, or empty if training images are never augmented
     */
    default Optional<Augmentation> augmentation() {
        return Optional.empty();
    }

    /**
     * Checks local data and returns a directory that {@link #djlDataset} reads, converting it into
     * the cache first if its layout needs that. Reads no image into memory.
     *
     * @param location the user's file or directory
     * @param cache where converted layouts are kept
     * @return the directory to read
     * @throws DataException naming the file and what was expected, for missing or bad data
     */
    Path prepare(Path location, DataCache cache);

    /**
     * Returns the fingerprint of the data at a source, to tell later whether it changed: for a
     * built-in data set its local files (the file given, or the files directly in the folder
     * given), one part each; nothing for DJL's download.
     *
     * @param source where the data is
     * @return the fingerprint
     * @throws DataException naming a file that cannot be read
     */
    default DataFingerprint fingerprint(DataSource source) {
        return source instanceof DataSource.Local local
                ? DataFingerprint.ofFiles(local.path())
                : DataFingerprint.none();
    }

    /**
     * Returns the DJL dataset of one usage, yielding images as {@code (H, W, C)} float32 with raw
     * pixel values and labels as class indices.
     *
     * @param repository the prepared local directory, or empty for DJL's download
     * @param usage {@code TRAIN} or {@code TEST}
     * @param manager the manager its arrays are made with
     * @return the dataset, not yet prepared
     */
    ArrayDataset djlDataset(Optional<Repository> repository, Usage usage, NDManager manager);

    /**
     * Returns what the samples are: images, or rows of a table held as {@code features x 1 x 1}.
     *
     * @return {@link InputKind#IMAGES} unless the data set says otherwise
     */
    default InputKind input() {
        return InputKind.IMAGES;
    }

    /**
     * Tells whether this is a user's data set (an image folder, a table), whose size and classes
     * only its files know, rather than a built-in one.
     *
     * @return {@code false} unless the data set says otherwise
     */
    default boolean userData() {
        return false;
    }

    /**
     * Checks the {@link DataOptions} without reading data: those the data set does not take must be
     * at their defaults, those it needs must be given. Built-in data sets take none.
     *
     * @param options the options
     * @throws DataException naming the option at fault and what is right
     */
    default void checkOptions(DataOptions options) {
        options.requireNone(name(), "its images and its test set are its own");
    }

    /**
     * Returns this data set as a source and options make it. A built-in data set has fixed classes
     * and shape, and returns itself; a user's data set (an image folder, a CSV table) reads its
     * layout here (class folders, a table's header and label column), checks and converts it, and
     * returns a definition with the classes and the shape of that data, which {@link DatasetLoader}
     * then loads.
     *
     * @param source where the data is
     * @param options the options the data set takes
     * @param cache where converted layouts are kept
     * @return the data set of that data
     * @throws DataException naming the file, value or option at fault
     */
    default DatasetDefinition at(DataSource source, DataOptions options, DataCache cache) {
        checkOptions(options);
        return this;
    }

    /**
     * Returns where the test split comes from: the data set's own test set ({@link Usage#TEST}), or
     * a stratified cut of the given size that {@link DatasetLoader} holds out of the training data,
     * the same for every seed.
     *
     * @return the official test set unless the data set says otherwise
     */
    default TestSource testSource() {
        return TestSource.official();
    }
}

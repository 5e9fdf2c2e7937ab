package org.learnability.runner.data;

import ai.djl.ndarray.NDManager;

/**
 * A data set's training and test sets in memory, as loaded: images {@code (N, C, H, W)} float32
 * with raw pixel values 0 to 255 (a table's raw feature values, {@code (N, F, 1, 1)}). Owns their
 * arrays; {@link DataSplits#create} takes it over.
 */
public final class LoadedDataset implements AutoCloseable {

    private final DatasetDefinition dataset;
    private final ImageSet train;
    private final ImageSet test;
    private final NDManager manager;
    private final TestSource testSource;
    private final DataFingerprint fingerprint;
    private boolean takenOver;

    LoadedDataset(
            DatasetDefinition dataset,
            ImageSet train,
            ImageSet test,
            NDManager manager,
            TestSource testSource,
            DataFingerprint fingerprint) {
        this.dataset = dataset;
        this.fingerprint = fingerprint;
        this.train = train;
        this.test = test;
        this.manager = manager;
        this.testSource = testSource;
    }

    /** Returns which data set this is. */
    public DatasetDefinition dataset() {
        return dataset;
    }

    /** Returns the official training set: the only source of training and validation images. */
    public ImageSet train() {
        return train;
    }

    /** Returns the test set: the official one, a test folder's, or the cut {@link #testSource}. */
    public ImageSet test() {
        return test;
    }

    /** Returns where the test set comes from, with its size. */
    public TestSource testSource() {
        return testSource;
    }

    /** Returns the fingerprint of the files it was read from, taken before they were read. */
    public DataFingerprint fingerprint() {
        return fingerprint;
    }

    /** Marks the data as owned by a {@link DataSplits}, which normalises it in place: once only. */
    synchronized void takeOver() {
        if (takenOver) {
            throw new IllegalStateException(
                    "this "
                            + dataset.name()
                            + " data set is already split (and normalised); load it again");
        }
        takenOver = true;
    }

    /** Frees the arrays. */
    @Override
    public void close() {
        manager.close();
    }
}

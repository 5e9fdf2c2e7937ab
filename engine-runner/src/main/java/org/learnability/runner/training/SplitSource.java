package org.learnability.runner.training;

import ai.djl.ndarray.types.Shape;
import ai.djl.training.dataset.Batch;
import org.learnability.api.weights.ClassWeights;
import org.learnability.runner.data.Augmentation;
import org.learnability.runner.data.Split;

/**
 * A {@link Split} as a {@link BatchSource}: shuffled (and optionally augmented) for training, in
 * its own order for scoring.
 */
public final class SplitSource implements BatchSource {

    private final Split split;
    private final boolean shuffle;
    private final long seed;
    private final Augmentation augmentation;

    private SplitSource(Split split, boolean shuffle, long seed, Augmentation augmentation) {
        this.split = split;
        this.shuffle = shuffle;
        this.seed = seed;
        this.augmentation = augmentation;
    }

    /**
     * Training batches: one permutation per epoch from the seed, augmented as given.
     *
     * @param split the training split
     * @param seed the seed
     * @param augmentation the augmentation, {@link Augmentation#NONE} for none
     * @return the source
     */
    public static SplitSource training(Split split, long seed, Augmentation augmentation) {
        return new SplitSource(split, true, seed, augmentation);
    }

    /**
     * Scoring batches: the split in its own order, not augmented.
     *
     * @param split the split
     * @return the source
     */
    public static SplitSource inOrder(Split split) {
        return new SplitSource(split, false, 0, Augmentation.NONE);
    }

    @Override
    public long size() {
        return split.size();
    }

    @Override
    public Shape sampleShape() {
        return split.imageShape();
    }

    @Override
    public Iterable<Batch> batches(int batchSize, int epoch) {
        return shuffle
                ? split.shuffled(batchSize, seed, epoch, augmentation)
                : split.inOrder(batchSize);
    }

    /** A training source draws the epoch's images by class weight when weights are given. */
    @Override
    public Iterable<Batch> batches(int batchSize, int epoch, ClassWeights sampling) {
        return shuffle && sampling != null
                ? split.sampled(batchSize, seed, epoch, augmentation, sampling)
                : batches(batchSize, epoch);
    }
}

package org.learnability.runner.data;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.training.dataset.Batch;
import java.util.Arrays;
import java.util.Random;

/**
 * The fast data path: batches of a {@link Split} read from its in-memory source tensors.
 *
 * <p>Shuffled: one permutation of the split's indices per epoch (seeded by the run's seed and the
 * epoch); each batch is one gather from the source, then augmented in bulk. In order: each batch is
 * one slice where its indices are consecutive, else one gather. No NDArray is made per sample.
 *
 * <p>Each {@link Batch} has its own sub-manager of the source's manager (so its own device), which
 * the consumer frees by closing the batch ({@link OrderedBatches}): memory stays flat across
 * epochs. Batch data is {@code (B, C, H, W)} float32, labels {@code (B)} float32; {@link
 * Batch#getIndices()} gives the source indices. A batch read as a slice may share memory with the
 * source: do not change it in place.
 */
public final class BatchIterator extends OrderedBatches {

    private final ImageSet source;
    private final Augmentation augmentation;
    private final long augmentationSeed;
    private final float[] fill;

    private BatchIterator(
            Split split,
            long[] order,
            int batchSize,
            Augmentation augmentation,
            long augmentationSeed) {
        super(order, batchSize);
        this.source = split.source();
        this.augmentation = augmentation;
        this.augmentationSeed = augmentationSeed;
        this.fill = split.normalization().normalizedBlack();
    }

    /**
     * Returns the batches of a split in its order.
     *
     * @param split the split
     * @param batchSize images per batch; the last batch may be smaller
     * @return the iterator
     */
    public static BatchIterator inOrder(Split split, int batchSize) {
        return new BatchIterator(split, split.indices(), batchSize, Augmentation.NONE, 0);
    }

    /**
     * Returns one epoch of a split's batches in a random order, augmented.
     *
     * @param split the split
     * @param batchSize images per batch; the last batch may be smaller
     * @param seed the run's seed
     * @param epoch the epoch, from 0
     * @param augmentation the augmentation
     * @return the iterator
     */
    public static BatchIterator shuffled(
            Split split, int batchSize, long seed, int epoch, Augmentation augmentation) {
        long[] order = split.indices();
        Random random = new Random(Seeds.mix(seed, Seeds.SHUFFLE, epoch));
        for (int i = order.length - 1; i > 0; i--) { // Fisher-Yates
            int j = random.nextInt(i + 1);
            long t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        return new BatchIterator(
                split, order, batchSize, augmentation, Seeds.mix(seed, Seeds.AUGMENT, epoch));
    }

    /**
     * Returns one epoch of batches in a given order of source indices (a draw), augmented.
     *
     * @param split the split the indices belong to
     * @param order source indices, one per image of the epoch
     * @param batchSize images per batch; the last batch may be smaller
     * @param seed the run's seed
     * @param epoch the epoch, from 0
     * @param augmentation the augmentation
     * @return the iterator
     */
    static BatchIterator ordered(
            Split split,
            long[] order,
            int batchSize,
            long seed,
            int epoch,
            Augmentation augmentation) {
        return new BatchIterator(
                split, order, batchSize, augmentation, Seeds.mix(seed, Seeds.AUGMENT, epoch));
    }

    @Override
    protected NDManager manager() {
        return source.images().getManager();
    }

    @Override
    protected NDList read(NDManager manager, int batch, int from, int to) {
        long[] order = order();
        NDIndex index;
        if (consecutive(order, from, to)) {
            index = new NDIndex().addSliceDim(order[from], order[to - 1] + 1);
        } else {
            index = new NDIndex("{}", manager.create(Arrays.copyOfRange(order, from, to)));
        }
        NDArray images = source.images().get(manager, index);
        NDArray labels = source.labels().get(manager, index);
        if (!augmentation.isNone()) {
            images = augmentation.apply(images, Seeds.mix(augmentationSeed, batch), fill);
        }
        return new NDList(images, labels);
    }

    private static boolean consecutive(long[] order, int from, int to) {
        for (int i = from + 1; i < to; i++) {
            if (order[i] != order[i - 1] + 1) {
                return false;
            }
        }
        return true;
    }
}

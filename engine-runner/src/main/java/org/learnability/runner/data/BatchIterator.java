package org.learnability.runner.data;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.training.dataset.Batch;
import ai.djl.translate.Batchifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Random;

/**
 * The fast data path: batches of a {@link Split} read from its in-memory source tensors.
 *
 * <p>Shuffled: one permutation of the split's indices per epoch (seeded by the run's seed and the
 * epoch); each batch is one gather from the source, then augmented in bulk. In order: each batch is
 * one slice where its indices are consecutive, else one gather. No NDArray is made per sample.
 *
 * <p>Each {@link Batch} has its own sub-manager of the source's manager (so its own device), which
 * the consumer frees by closing the batch: memory stays flat across epochs. Batch data is {@code
 * (B, C, H, W)} float32, labels {@code (B)} float32; {@link Batch#getIndices()} gives the source
 * indices. A batch read as a slice may share memory with the source: do not change it in place.
 */
public final class BatchIterator implements Iterator<Batch> {

    private final ImageSet source;
    private final long[] order;
    private final int batchSize;
    private final Augmentation augmentation;
    private final long augmentationSeed;
    private final float[] fill;
    private final int batchCount;
    private int next;

    private BatchIterator(
            Split split,
            long[] order,
            int batchSize,
            Augmentation augmentation,
            long augmentationSeed) {
        if (batchSize <= 0) {
            throw new IllegalArgumentException("batch size " + batchSize + "; expected 1 or more");
        }
        this.source = split.source();
        this.order = order;
        this.batchSize = batchSize;
        this.augmentation = augmentation;
        this.augmentationSeed = augmentationSeed;
        this.fill = split.normalization().normalizedBlack();
        this.batchCount = (order.length + batchSize - 1) / batchSize;
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

    /** Returns the number of batches in the epoch. */
    public int batchCount() {
        return batchCount;
    }

    @Override
    public boolean hasNext() {
        return next < batchCount;
    }

    @Override
    public Batch next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        int batch = next++;
        int from = batch * batchSize;
        int to = Math.min(order.length, from + batchSize);
        NDManager manager = source.images().getManager().newSubManager();
        try {
            NDIndex index;
            if (consecutive(from, to)) {
                index = new NDIndex().addSliceDim(order[from], order[to - 1] + 1);
            } else {
                index = new NDIndex("{}", manager.create(Arrays.copyOfRange(order, from, to)));
            }
            NDArray images = source.images().get(manager, index);
            NDArray labels = source.labels().get(manager, index);
            if (!augmentation.isNone()) {
                images = augmentation.apply(images, Seeds.mix(augmentationSeed, batch), fill);
            }
            List<Long> indices = new ArrayList<>(to - from);
            for (int i = from; i < to; i++) {
                indices.add(order[i]);
            }
            return new Batch(
                    manager,
                    new NDList(images),
                    new NDList(labels),
                    to - from,
                    Batchifier.STACK,
                    Batchifier.STACK,
                    batch,
                    batchCount,
                    indices);
        } catch (RuntimeException e) {
            manager.close();
            throw e;
        }
    }

    private boolean consecutive(int from, int to) {
        for (int i = from + 1; i < to; i++) {
            if (order[i] != order[i - 1] + 1) {
                return false;
            }
        }
        return true;
    }
}

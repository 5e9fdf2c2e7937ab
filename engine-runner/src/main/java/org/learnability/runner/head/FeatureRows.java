package org.learnability.runner.head;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.dataset.Batch;
import ai.djl.translate.Batchifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Random;
import org.learnability.api.weights.ClassWeights;
import org.learnability.runner.data.ClassSampler;
import org.learnability.runner.data.Seeds;
import org.learnability.runner.training.BatchSource;

/**
 * Rows of features with their labels, as the batches a head trains on: one permutation per epoch
 * from the seed (or, with class weights for sampling, a draw with replacement by class weight, as
 * the images of a split are drawn).
 */
final class FeatureRows implements BatchSource {

    private final NDArray features;
    private final NDArray labels;
    private final int[] classes;
    private final long seed;

    /**
     * Wraps rows.
     *
     * @param features {@code (N, D)}
     * @param labels {@code (N)} class indices, as the split holds them
     * @param classes each row's class, in Java
     * @param seed the seed of the orders
     */
    FeatureRows(NDArray features, NDArray labels, int[] classes, long seed) {
        this.features = features;
        this.labels = labels;
        this.classes = classes.clone();
        this.seed = seed;
    }

    @Override
    public long size() {
        return classes.length;
    }

    @Override
    public Shape sampleShape() {
        return new Shape(features.getShape().get(1));
    }

    @Override
    public Iterable<Batch> batches(int batchSize, int epoch) {
        List<Long> order = new ArrayList<>(classes.length);
        for (long i = 0; i < classes.length; i++) {
            order.add(i);
        }
        Collections.shuffle(order, new Random(Seeds.mix(seed, Seeds.SHUFFLE, epoch)));
        long[] rows = order.stream().mapToLong(Long::longValue).toArray();
        return () -> new Batches(rows, batchSize);
    }

    @Override
    public Iterable<Batch> batches(int batchSize, int epoch, ClassWeights sampling) {
        if (sampling == null) {
            return batches(batchSize, epoch);
        }
        long[] all = new long[classes.length];
        for (int i = 0; i < all.length; i++) {
            all[i] = i;
        }
        long[] rows = ClassSampler.draw(all, classes, sampling, seed, epoch);
        return () -> new Batches(rows, batchSize);
    }

    /** The batches of one epoch's order. */
    private final class Batches implements Iterator<Batch> {

        private final long[] rows;
        private final int batchSize;
        private final int count;
        private int next;

        Batches(long[] rows, int batchSize) {
            this.rows = rows;
            this.batchSize = batchSize;
            this.count = (rows.length + batchSize - 1) / batchSize;
        }

        @Override
        public boolean hasNext() {
            return next < count;
        }

        @Override
        public Batch next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            int batch = next++;
            int from = batch * batchSize;
            int to = Math.min(rows.length, from + batchSize);
            NDManager manager = features.getManager().newSubManager();
            try {
                long[] picked = Arrays.copyOfRange(rows, from, to);
                NDArray index = manager.create(picked);
                NDArray x = features.get(index);
                NDArray y = labels.get(index);
                x.attach(manager);
                y.attach(manager);
                List<Long> indices = new ArrayList<>(picked.length);
                for (long row : picked) {
                    indices.add(row);
                }
                return new Batch(
                        manager,
                        new NDList(x),
                        new NDList(y),
                        to - from,
                        Batchifier.STACK,
                        Batchifier.STACK,
                        batch,
                        count,
                        indices);
            } catch (RuntimeException e) {
                manager.close();
                throw e;
            }
        }
    }
}

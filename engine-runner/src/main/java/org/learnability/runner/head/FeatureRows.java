package org.learnability.runner.head;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.dataset.Batch;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.learnability.api.weights.ClassWeights;
import org.learnability.runner.data.ClassSampler;
import org.learnability.runner.data.OrderedBatches;
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
    private final class Batches extends OrderedBatches {

        Batches(long[] rows, int batchSize) {
            super(rows, batchSize);
        }

        @Override
        protected NDManager manager() {
            return features.getManager();
        }

        @Override
        protected NDList read(NDManager manager, int batch, int from, int to) {
            long[] picked = Arrays.copyOfRange(order(), from, to);
            NDArray index = manager.create(picked);
            NDArray x = features.get(index);
            NDArray y = labels.get(index);
            x.attach(manager);
            y.attach(manager);
            return new NDList(x, y);
        }
    }
}

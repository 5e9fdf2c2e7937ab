package org.learnability.runner.training;

import ai.djl.ndarray.types.Shape;
import ai.djl.training.dataset.Batch;
import org.learnability.api.weights.ClassWeights;

/** Where training and scoring take their batches from: a split held in memory. */
public interface BatchSource {

    /**
     * Returns the number of samples in one pass.
     *
     * @return the sample count
     */
    long size();

    /**
     * Returns the shape of one sample, e.g. {@code (3, 32, 32)}.
     *
     * @return the sample shape
     */
    Shape sampleShape();

    /**
     * Returns the number of batches a training of some epochs takes from this source: the updates
     * that its learning-rate schedule spans.
     *
     * @param batchSize samples per batch
     * @param epochs the epochs
     * @return {@code ceil(size / batchSize)} per epoch, unless the source knows better
     */
    default long batchCount(int batchSize, int epochs) {
        return (size() + batchSize - 1) / batchSize * epochs;
    }

    /**
     * Returns the batches of one epoch, on the device the split lives on. The caller closes each
     * batch, which frees its arrays.
     *
     * @param batchSize samples per batch; the last batch may be smaller
     * @param epoch the epoch, which with the source's seed fixes the order (a training source
     *     shuffles with one permutation per epoch; a scoring source keeps its order)
     * @return the batches
     */
    Iterable<Batch> batches(int batchSize, int epoch);

    /**
     * Returns the batches of one training epoch whose images are drawn by class weight, if the
     * weights are given; sources that cannot draw ignore them.
     *
     * @param batchSize samples per batch; the last batch may be smaller
     * @param epoch the epoch
     * @param sampling the class weights that choose the images, or null for the plain epoch
     * @return the batches
     */
    default Iterable<Batch> batches(int batchSize, int epoch, ClassWeights sampling) {
        return batches(batchSize, epoch);
    }

    /**
     * Returns this source with its epochs numbered on from a later one: epoch {@code e} of the
     * result is epoch {@code first + e} of this source, so that a model trained further (a
     * fine-tune) sees the orders that would have followed its first training's.
     *
     * @param first the epoch of this source that the result's epoch 0 is
     * @return the source
     */
    default BatchSource from(int first) {
        BatchSource source = this;
        if (first == 0) {
            return source;
        }
        return new BatchSource() {
            @Override
            public long size() {
                return source.size();
            }

            @Override
            public Shape sampleShape() {
                return source.sampleShape();
            }

            @Override
            public Iterable<Batch> batches(int batchSize, int epoch) {
                return source.batches(batchSize, first + epoch);
            }

            @Override
            public Iterable<Batch> batches(int batchSize, int epoch, ClassWeights sampling) {
                return source.batches(batchSize, first + epoch, sampling);
            }
        };
    }
}

package org.learnability.experiments.bench;

import ai.djl.ndarray.types.Shape;
import ai.djl.training.dataset.Batch;
import java.util.Iterator;
import java.util.NoSuchElementException;
import org.learnability.runner.training.BatchSource;

/**
 * The first few batches of a source, for a warm-up.
 *
 * @param source the source
 * @param count the batches given, at most
 */
record FirstBatches(BatchSource source, int count) implements BatchSource {

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
        return () ->
                new Iterator<>() {
                    private final Iterator<Batch> batches =
                            source.batches(batchSize, epoch).iterator();
                    private int given;

                    @Override
                    public boolean hasNext() {
                        return given < count && batches.hasNext();
                    }

                    @Override
                    public Batch next() {
                        if (!hasNext()) {
                            throw new NoSuchElementException();
                        }
                        given++;
                        return batches.next();
                    }
                };
    }
}

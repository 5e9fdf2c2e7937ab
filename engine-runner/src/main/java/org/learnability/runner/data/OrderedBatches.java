package org.learnability.runner.data;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.training.dataset.Batch;
import ai.djl.translate.Batchifier;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * One epoch's batches of an order of rows: batch {@code b} holds the rows {@code order[b B]} to
 * {@code order[min(N, (b + 1) B) - 1]}, the last batch possibly smaller. Each {@link Batch} has a
 * sub-manager of its own, which the consumer frees by closing the batch; {@link Batch#getIndices()}
 * gives its rows. A subclass says how rows are read.
 */
public abstract class OrderedBatches implements Iterator<Batch> {

    private final long[] order;
    private final int batchSize;
    private final int batchCount;
    private int next;

    /**
     * Creates the batches.
     *
     * @param order the rows of the epoch, in order; not copied
     * @param batchSize rows per batch, &gt;= 1
     */
    protected OrderedBatches(long[] order, int batchSize) {
        if (batchSize <= 0) {
            throw new IllegalArgumentException("batch size " + batchSize + "; expected 1 or more");
        }
        this.order = order;
        this.batchSize = batchSize;
        this.batchCount = (order.length + batchSize - 1) / batchSize;
    }

    /** Returns the number of batches in the epoch. */
    public int batchCount() {
        return batchCount;
    }

    /** Returns the rows of the epoch, in order; not to be changed. */
    protected long[] order() {
        return order;
    }

    /** Returns the manager whose sub-manager each batch gets. */
    protected abstract NDManager manager();

    /**
     * Reads the rows {@code order()[from]} to {@code order()[to - 1]}.
     *
     * @param manager the batch's manager, which the arrays must be attached to
     * @param batch the batch's number in the epoch, from 0
     * @param from the first position in the order
     * @param to the position after the last
     * @return the data and the labels
     */
    protected abstract NDList read(NDManager manager, int batch, int from, int to);

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
        NDManager manager = manager().newSubManager();
        try {
            NDList read = read(manager, batch, from, to);
            List<Long> indices = new ArrayList<>(to - from);
            for (int i = from; i < to; i++) {
                indices.add(order[i]);
            }
            return new Batch(
                    manager,
                    new NDList(read.get(0)),
                    new NDList(read.get(1)),
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
}

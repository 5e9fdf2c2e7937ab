package org.learnability.runner.scoring;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import java.util.List;
import org.learnability.api.scores.ConfusionMatrix;

/**
 * Accumulates a confusion matrix on the device, batch by batch, in bulk:
 *
 * <pre>
 *   M += onehot(y)^T . onehot(argmax(logits))      (C x N) . (N x C) = (C x C)
 * </pre>
 *
 * so no Java loop runs over samples and nothing leaves the device until {@link #result()}. Counts
 * are kept in float32, exact up to 2^24 samples per cell.
 */
public final class ConfusionMatrixAccumulator implements AutoCloseable {

    private final List<String> classNames;
    private final NDManager manager;
    private final NDArray counts;

    /**
     * Creates an empty accumulator.
     *
     * @param classNames the class names; their number is {@code C}
     * @param parent the manager under which the counts live, on the device of the predictions
     */
    public ConfusionMatrixAccumulator(List<String> classNames, NDManager parent) {
        this.classNames = List.copyOf(classNames);
        this.manager = parent.newSubManager();
        this.counts =
                manager.zeros(new ai.djl.ndarray.types.Shape(classNames.size(), classNames.size()));
    }

    /**
     * Adds one batch.
     *
     * @param labels class indices, shape (N) or (N, 1)
     * @param logits the model output, shape (N, C)
     */
    public void add(NDArray labels, NDArray logits) {
        int numClasses = classNames.size();
        if (logits.getShape().dimension() != 2 || logits.getShape().get(1) != numClasses) {
            throw new IllegalArgumentException(
                    "predictions have shape "
                            + logits.getShape()
                            + "; expected (N, "
                            + numClasses
                            + ")");
        }
        NDArray actual =
                labels.reshape(-1)
                        .toType(DataType.INT64, false)
                        .oneHot(numClasses)
                        .toType(DataType.FLOAT32, false);
        NDArray predicted =
                logits.argMax(1)
                        .toType(DataType.INT64, false)
                        .oneHot(numClasses)
                        .toType(DataType.FLOAT32, false);
        counts.addi(actual.transpose().matMul(predicted));
    }

    /**
     * Returns the counts so far, copied off the device once.
     *
     * @return the confusion matrix
     */
    public ConfusionMatrix result() {
        float[] flat = counts.toFloatArray();
        int n = classNames.size();
        long[][] matrix = new long[n][n];
        for (int i = 0; i < flat.length; i++) {
            matrix[i / n][i % n] = Math.round(flat[i]);
        }
        return new ConfusionMatrix(classNames, matrix);
    }

    @Override
    public void close() {
        manager.close();
    }
}

package org.learnability.runner.scoring;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import java.util.Arrays;
import java.util.List;
import org.learnability.api.scores.ClassScores;

/**
 * A model's logits on a whole split, with the labels, kept on the device so that predictions with
 * per-class offsets can be scored without another forward pass: {@code predict(x) = argmax_c (x_c +
 * b_c)}, the post-hoc logit adjustment of Menon et al. (ICLR 2021). Owns its arrays.
 */
public final class Logits implements AutoCloseable {

    private final NDArray logits;
    private final NDArray labels;
    private final List<String> classNames;
    private final NDManager manager;

    /**
     * Wraps computed logits.
     *
     * @param logits {@code (N, C)}
     * @param labels {@code (N)} class indices
     * @param classNames the class names
     * @param manager the manager that owns both arrays; closed with this
     */
    public Logits(NDArray logits, NDArray labels, List<String> classNames, NDManager manager) {
        this.logits = logits;
        this.labels = labels;
        this.classNames = List.copyOf(classNames);
        this.manager = manager;
    }

    /** Returns the {@code (N, C)} logits, owned by this. */
    NDArray values() {
        return logits;
    }

    /** Returns the number of samples. */
    public long size() {
        return logits.getShape().get(0);
    }

    /**
     * Scores the predictions {@code argmax_c (x_c + b_c)}.
     *
     * @param offsets {@code b}, one per class
     * @return the per-class scores with their confusion matrix
     */
    public ClassScores score(double[] offsets) {
        if (offsets.length != classNames.size()) {
            throw new IllegalArgumentException(
                    offsets.length + " offsets for " + classNames.size() + " classes");
        }
        float[] b = new float[offsets.length];
        for (int c = 0; c < b.length; c++) {
            b[c] = (float) offsets[c];
        }
        try (NDManager scratch = manager.newSubManager();
                ConfusionMatrixAccumulator matrix =
                        new ConfusionMatrixAccumulator(classNames, scratch)) {
            NDArray shifted = logits.add(scratch.create(b));
            matrix.add(labels, shifted);
            return ClassScores.of(matrix.result());
        }
    }

    /**
     * Returns the logits off the device, for what combines several models' outputs in Java (an
     * ensemble's mean softmax).
     *
     * @return the {@code (N, C)} logits, row by row
     */
    public float[] toFloatArray() {
        return logits.toType(DataType.FLOAT32, false).toFloatArray();
    }

    /**
     * Returns the labels off the device.
     *
     * @return the {@code N} class indices
     */
    public int[] labels() {
        return labels.reshape(-1).toType(DataType.INT32, false).toIntArray();
    }

    /**
     * Returns other values for the same samples, e.g. a combination of several models' outputs,
     * scored as these are.
     *
     * @param values the {@code (N, C)} values, row by row
     * @return them with these labels; the caller closes them (closing this frees them too)
     */
    public Logits withValues(float[] values) {
        NDManager sub = manager.newSubManager();
        try {
            NDArray array = sub.create(values, logits.getShape());
            NDArray same = labels.duplicate();
            same.attach(sub);
            return new Logits(array, same, classNames, sub);
        } catch (RuntimeException e) {
            sub.close();
            throw e;
        }
    }

    /**
     * Returns the logits of some samples only, e.g. the half of a split a re-trained head did not
     * see.
     *
     * @param rows sample positions in this split's order
     * @return their logits and labels, in the order given; the caller closes them (closing this
     *     frees them too)
     */
    public Logits select(int[] rows) {
        NDManager sub = manager.newSubManager();
        try {
            NDArray index = sub.create(Arrays.stream(rows).asLongStream().toArray());
            NDArray pickedLogits = logits.get(index);
            NDArray pickedLabels = labels.get(index);
            pickedLogits.attach(sub);
            pickedLabels.attach(sub);
            return new Logits(pickedLogits, pickedLabels, classNames, sub);
        } catch (RuntimeException e) {
            sub.close();
            throw e;
        }
    }

    /** Frees the arrays. */
    @Override
    public void close() {
        manager.close();
    }
}

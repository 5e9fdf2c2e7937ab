package org.learnability.runner.scoring;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
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

    /** Frees the arrays. */
    @Override
    public void close() {
        manager.close();
    }
}

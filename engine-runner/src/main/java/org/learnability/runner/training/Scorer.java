package org.learnability.runner.training;

import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.training.ParameterStore;
import ai.djl.training.dataset.Batch;
import java.util.List;
import java.util.function.BiConsumer;
import org.learnability.api.scores.ClassScores;
import org.learnability.runner.scoring.ConfusionMatrixAccumulator;
import org.learnability.runner.scoring.Logits;

/**
 * Scores a model on a whole split: a forward pass in inference mode per batch, the confusion matrix
 * accumulated in bulk on the device ({@link ConfusionMatrixAccumulator}), then {@link ClassScores}
 * from it.
 */
public final class Scorer {

    private final int batchSize;

    /**
     * Creates a scorer.
     *
     * @param batchSize samples per forward pass
     */
    public Scorer(int batchSize) {
        if (batchSize < 1) {
            throw new IllegalArgumentException(
                    "scoring batch size is " + batchSize + "; expected a whole number >= 1");
        }
        this.batchSize = batchSize;
    }

    /**
     * Scores a model.
     *
     * @param model the trained model
     * @param split the split, in its own order
     * @param classNames the class names
     * @return per-class scores with their confusion matrix
     */
    public ClassScores score(Model model, BatchSource split, List<String> classNames) {
        try (NDManager manager = model.getNDManager().newSubManager();
                ConfusionMatrixAccumulator matrix =
                        new ConfusionMatrixAccumulator(classNames, manager)) {
            forward(model, split, manager, (labels, logits) -> matrix.add(labels, logits));
            return ClassScores.of(matrix.result());
        }
    }

    /**
     * Computes a model's logits on a whole split, kept for scoring them with offsets.
     *
     * @param model the trained model
     * @param split the split, in its own order
     * @param classNames the class names
     * @return the logits and labels; the caller closes them
     */
    public Logits logits(Model model, BatchSource split, List<String> classNames) {
        NDManager manager = model.getNDManager().newSubManager();
        try {
            NDList logits = new NDList();
            NDList labels = new NDList();
            forward(
                    model,
                    split,
                    manager,
                    (batchLabels, batchLogits) -> {
                        batchLogits.attach(manager);
                        batchLabels.attach(manager);
                        logits.add(batchLogits);
                        labels.add(batchLabels.reshape(-1));
                    });
            return new Logits(
                    NDArrays.concat(logits), NDArrays.concat(labels), classNames, manager);
        } catch (RuntimeException e) {
            manager.close();
            throw e;
        }
    }

    /** One forward pass in inference mode per batch, each batch's labels and logits handed on. */
    private void forward(
            Model model, BatchSource split, NDManager manager, BiConsumer<NDArray, NDArray> sink) {
        ParameterStore parameters = new ParameterStore(manager, false);
        for (Batch batch : split.batches(batchSize, 0)) {
            try (batch) {
                NDList logits = model.getBlock().forward(parameters, batch.getData(), false);
                sink.accept(batch.getLabels().head(), logits.head());
            }
        }
    }
}

package org.learnability.runner.training;

import ai.djl.Model;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.training.ParameterStore;
import ai.djl.training.dataset.Batch;
import java.util.List;
import org.learnability.api.scores.ClassScores;
import org.learnability.runner.scoring.ConfusionMatrixAccumulator;

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
            ParameterStore parameters = new ParameterStore(manager, false);
            for (Batch batch : split.batches(batchSize, 0)) {
                try (batch) {
                    NDList logits = model.getBlock().forward(parameters, batch.getData(), false);
                    matrix.add(batch.getLabels().head(), logits.head());
                }
            }
            return ClassScores.of(matrix.result());
        }
    }
}

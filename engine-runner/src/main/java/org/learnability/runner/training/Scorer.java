package org.learnability.runner.training;

import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.training.ParameterStore;
import ai.djl.training.dataset.Batch;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import org.learnability.api.scores.ClassScores;
import org.learnability.runner.scoring.ConfusionMatrixAccumulator;
import org.learnability.runner.scoring.Logits;
import org.learnability.runner.scoring.TestTimeAugmentation;

/**
 * Scores a model on a whole split: a forward pass in inference mode per batch (two with {@link
 * TestTimeAugmentation#FLIP}, their logits averaged), the confusion matrix accumulated in bulk on
 * the device ({@link ConfusionMatrixAccumulator}), then {@link ClassScores} from it.
 */
public final class Scorer {

    private final int batchSize;
    private final TestTimeAugmentation augmentation;

    /**
     * Creates a scorer without test-time augmentation.
     *
     * @param batchSize samples per forward pass
     */
    public Scorer(int batchSize) {
        this(batchSize, TestTimeAugmentation.NONE);
    }

    /**
     * Creates a scorer.
     *
     * @param batchSize samples per forward pass
     * @param augmentation what each image's logits average over
     */
    public Scorer(int batchSize, TestTimeAugmentation augmentation) {
        if (batchSize < 1) {
            throw new IllegalArgumentException(
                    "scoring batch size is " + batchSize + "; expected a whole number >= 1");
        }
        if (augmentation == null) {
            throw new IllegalArgumentException("test-time augmentation must be given");
        }
        this.batchSize = batchSize;
        this.augmentation = augmentation;
    }

    /** Returns what each image's logits average over. */
    public TestTimeAugmentation augmentation() {
        return augmentation;
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

    /**
     * One forward pass in inference mode per batch (and one on its mirror images with {@link
     * TestTimeAugmentation#FLIP}), each batch's labels and logits handed on.
     */
    private void forward(
            Model model, BatchSource split, NDManager manager, BiConsumer<NDArray, NDArray> sink) {
        ParameterStore parameters = new ParameterStore(manager, false);
        for (Batch batch : split.batches(batchSize, 0)) {
            try (batch) {
                List<NDArray> views = new ArrayList<>(2);
                for (NDList view : augmentation.views(batch.getData())) {
                    views.add(model.getBlock().forward(parameters, view, false).head());
                }
                sink.accept(batch.getLabels().head(), augmentation.average(views));
            }
        }
    }
}

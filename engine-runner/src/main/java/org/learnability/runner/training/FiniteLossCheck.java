package org.learnability.runner.training;

import ai.djl.TrainingDivergedException;
import ai.djl.training.Trainer;
import ai.djl.training.listener.EvaluatorTrainingListener;
import ai.djl.training.listener.TrainingListenerAdapter;

/**
 * Stops training when the loss turns NaN or infinite, naming the epoch and the batch. Reads the
 * running loss that DJL's {@link EvaluatorTrainingListener} keeps, so it must come after it.
 */
final class FiniteLossCheck extends TrainingListenerAdapter {

    private int epoch;
    private int batch;

    @Override
    public void onTrainingBatch(Trainer trainer, BatchData batchData) {
        batch++;
        float loss = trainer.getLoss().getAccumulator(EvaluatorTrainingListener.TRAIN_ALL);
        if (!Float.isFinite(loss)) {
            throw new TrainingDivergedException(
                    "training loss became "
                            + loss
                            + " in epoch "
                            + (epoch + 1)
                            + ", batch "
                            + batch
                            + "; lower the learning rate or check the data");
        }
    }

    @Override
    public void onEpoch(Trainer trainer) {
        epoch++;
        batch = 0;
    }
}

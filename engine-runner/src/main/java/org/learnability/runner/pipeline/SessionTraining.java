package org.learnability.runner.pipeline;

import ai.djl.Device;
import ai.djl.Model;
import java.util.ArrayList;
import java.util.List;
import org.learnability.api.scores.ClassScores;
import org.learnability.api.weights.ClassWeights;
import org.learnability.runner.data.Augmentation;
import org.learnability.runner.data.DataSplits;
import org.learnability.runner.data.Split;
import org.learnability.runner.training.BatchSource;
import org.learnability.runner.training.EpochHook;
import org.learnability.runner.training.ModelTrainer;
import org.learnability.runner.training.SplitSource;
import org.learnability.runner.training.TrainingResult;
import org.learnability.runner.training.TrainingSettings;

/**
 * Training on a session's training split, with the validation split scored after every epoch (where
 * the session's options or the fit's hook ask for it). {@link Session}'s part for training.
 */
final class SessionTraining {

    private final DataSplits splits;
    private final SessionSpec spec;
    private final SessionScoring scoring;
    private final ModelTrainer trainer;

    SessionTraining(Device[] devices, DataSplits splits, SessionSpec spec, SessionScoring scoring) {
        this.splits = splits;
        this.spec = spec;
        this.scoring = scoring;
        this.trainer = new ModelTrainer(devices, spec.options().progress());
    }

    /** The training split's batches, shuffled by seed and epoch, augmented if asked and known. */
    BatchSource batches(long seed, boolean augment) {
        return batches(splits.training(), seed, augment);
    }

    /** Some of the training split's images, as {@link #batches(long, boolean)} gives them all. */
    BatchSource batches(Split part, long seed, boolean augment) {
        Augmentation augmentation =
                augment
                        ? spec.dataset().augmentation().orElse(Augmentation.NONE)
                        : Augmentation.NONE;
        return SplitSource.training(part, seed, augmentation);
    }

    /** Trains a model whose block is not yet initialised. */
    TrainingResult train(
            Model model,
            BatchSource data,
            ClassWeights weights,
            TrainingSettings settings,
            EpochHook hook) {
        return trainer.train(model, data, weights, settings, hook);
    }

    /**
     * Trains a model on the training split's batches from {@code firstEpoch}, scoring the
     * validation split after every epoch unless neither the session's options nor the hook need it;
     * closes the model if the training fails.
     */
    Session.Fitted fit(
            Model model,
            ClassWeights weights,
            TrainingSettings settings,
            boolean augment,
            int firstEpoch,
            ValidationHook hook) {
        try {
            List<ClassScores> epochValidation = new ArrayList<>();
            EpochHook validating =
                    spec.options().everyEpochValidation() || hook.needsEveryEpoch()
                            ? (epoch, trained, current) -> {
                                ClassScores scores = scoring.validation(trained);
                                epochValidation.add(scores);
                                return hook.afterEpoch(epoch, scores, current);
                            }
                            : EpochHook.NONE;
            TrainingResult result =
                    train(
                            model,
                            batches(settings.seed(), augment).from(firstEpoch),
                            weights,
                            settings,
                            validating);
            return new Session.Fitted(model, result.withEpochValidation(epochValidation));
        } catch (RuntimeException e) {
            model.close();
            throw e;
        }
    }
}

package org.learnability.runner.pipeline;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.nn.core.Linear;
import java.util.EnumMap;
import java.util.Map;
import org.learnability.api.weights.ClassWeights;
import org.learnability.runner.data.DataSplits;
import org.learnability.runner.head.HeadFeatures;
import org.learnability.runner.head.HeadHook;
import org.learnability.runner.head.HeadParameters;
import org.learnability.runner.head.HeadSplit;
import org.learnability.runner.model.ModelArchitecture;
import org.learnability.runner.training.BatchSource;
import org.learnability.runner.training.ModelTrainer;
import org.learnability.runner.training.SplitSource;
import org.learnability.runner.training.TrainingResult;
import org.learnability.runner.training.TrainingSettings;

/**
 * Classifier re-training on a session's splits: a model's features computed once, and a dense head
 * trained on them, quietly. {@link Session}'s part for heads.
 */
final class SessionHeads {

    private final DataSplits splits;
    private final SessionOptions options;
    private final Device device;
    private final String engineName;
    private final ModelTrainer trainer;

    SessionHeads(Device[] devices, DataSplits splits, SessionOptions options, String engineName) {
        this.splits = splits;
        this.options = options;
        this.device = devices[0];
        this.engineName = engineName;
        this.trainer = new ModelTrainer(devices, false);
    }

    /** The features on the validation and test split, and on the training split if asked. */
    HeadFeatures features(Model model, ModelArchitecture architecture, boolean training) {
        Map<HeadFeatures.Part, BatchSource> sources = new EnumMap<>(HeadFeatures.Part.class);
        if (training) {
            sources.put(HeadFeatures.Part.TRAINING, SplitSource.inOrder(splits.training()));
        }
        sources.put(
                HeadFeatures.Part.VALIDATION,
                SplitSource.inOrder(splits.validation().requireUsableForWeights()));
        sources.put(HeadFeatures.Part.TEST, SplitSource.inOrder(splits.test()));
        return HeadFeatures.compute(
                model,
                HeadSplit.of(model.getBlock(), architecture.name()),
                sources,
                options.scoringBatchSize(),
                options.testTimeAugmentation(),
                splits.classNames());
    }

    /** Trains a dense head from its start on kept features, the hook seeing it every epoch. */
    TrainingResult train(
            HeadParameters start,
            BatchSource rows,
            ClassWeights weights,
            TrainingSettings settings,
            HeadHook hook) {
        try (Model model = Model.newInstance("head", device, engineName)) {
            Linear head = Linear.builder().setUnits(start.classes()).build();
            start.startFrom(head);
            model.setBlock(head);
            return trainer.train(
                    model,
                    rows,
                    weights,
                    settings,
                    (epoch, trained, current) -> {
                        hook.afterEpoch(epoch, HeadParameters.of(head));
                        return current;
                    });
        }
    }
}

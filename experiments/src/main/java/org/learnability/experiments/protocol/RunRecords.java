package org.learnability.experiments.protocol;

import java.time.Instant;
import java.util.List;
import org.learnability.api.weights.ClassWeights;
import org.learnability.experiments.mode.RunId;
import org.learnability.experiments.plan.ExperimentPlan;
import org.learnability.experiments.plan.PlanIdentity;
import org.learnability.experiments.record.Collapse;
import org.learnability.experiments.record.Cost;
import org.learnability.experiments.record.EpochScores;
import org.learnability.experiments.record.Finetune;
import org.learnability.experiments.record.Head;
import org.learnability.experiments.record.ModeParts;
import org.learnability.experiments.record.ModelKey;
import org.learnability.experiments.record.Posthoc;
import org.learnability.experiments.record.Provenance;
import org.learnability.experiments.record.RunArm;
import org.learnability.experiments.record.RunRecord;
import org.learnability.experiments.record.SavedModel;
import org.learnability.experiments.record.Scores;
import org.learnability.experiments.record.SplitScores;
import org.learnability.experiments.record.Training;
import org.learnability.experiments.weighting.Weighting;
import org.learnability.runner.pipeline.Session;
import org.learnability.runner.pipeline.TrainedModel;

/** Makes the record of a model trained (or derived) and scored in a seed's session. */
final class RunRecords {

    private RunRecords() {}

    /**
     * Makes the record.
     *
     * @param plan the experiment's plan
     * @param seed the seed
     * @param session the seed's data
     * @param key the model's key
     * @param run its mode, strategy and round
     * @param weighting how its weights acted
     * @param model its training and scores
     * @param posthoc its logit offsets, for a derived model; null for a trained one
     * @param baseline the seed's baseline, against which a weighted model's collapse is judged;
     *     null for the baseline itself
     * @param identity the digests of the plan's options
     * @param finetune how it was fine-tuned from the baseline; null if it was not
     * @param saved where its parameters were saved; null if they were not
     * @param head how its head was re-trained on the baseline's features; null if it was not
     * @return the record, stamped now; its {@code trainedImages} are the epochs it trained times
     *     the images it trained on (the training split's, or a head's)
     */
    static RunRecord of(
            ExperimentPlan plan,
            int seed,
            Session session,
            ModelKey key,
            RunId run,
            Weighting weighting,
            TrainedModel model,
            Posthoc posthoc,
            RunRecord baseline,
            PlanIdentity identity,
            Finetune finetune,
            SavedModel saved,
            Head head) {
        List<ClassWeights> epochWeights = model.training().epochWeights();
        SplitScores validation = SplitScores.of(model.validation());
        return new RunRecord(
                RunRecord.SCHEMA,
                key.toString(),
                new Provenance(
                        plan.baseline().dataset().name(),
                        plan.baseline().model().name(),
                        session.engine().getEngineName(),
                        session.engine().getVersion(),
                        session.device().toString(),
                        seed,
                        session.classNames(),
                        identity.of(run.isBaseline()),
                        session.testSource()),
                new RunArm(
                        run.mode(),
                        run.strategy(),
                        run.round(),
                        ModelKey.variant(
                                weighting,
                                finetune,
                                head == null ? null : head.retraining(),
                                plan.baseline().trainingVariant()),
                        weighting,
                        epochWeights.get(epochWeights.size() - 1).asList(),
                        epochWeights.stream().map(ClassWeights::asList).toList()),
                new Training(
                        plan.baseline().epochs(),
                        session.splits().training().size(),
                        plan.baseline().trainingVariant()),
                new Cost(
                        (long) model.training().epochLosses().size()
                                * (head == null
                                        ? session.splits().training().size()
                                        : head.trainedOn()),
                        model.training().seconds(),
                        model.training().imagesPerSecond(),
                        Instant.now().toString()),
                new Scores(
                        validation,
                        SplitScores.of(model.test()),
                        model.training().epochValidation().stream().map(EpochScores::of).toList(),
                        baseline == null
                                ? null
                                : Collapse.detect(
                                        head == null
                                                ? baseline.scores().validation().accuracy()
                                                : head.baselineUnseen().accuracy(),
                                        validation.accuracy(),
                                        plan.arms().collapseThreshold())),
                ModeParts.NONE
                        .with(Posthoc.PART, posthoc)
                        .with(Finetune.PART, finetune)
                        .with(Head.PART, head),
                saved);
    }
}

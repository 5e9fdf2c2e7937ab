package org.learnability.experiments.protocol;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.learnability.api.weights.ClassWeights;
import org.learnability.experiments.mode.RunId;
import org.learnability.experiments.mode.finetune.Finetune;
import org.learnability.experiments.mode.finetune.FinetuneMode;
import org.learnability.experiments.mode.head.Head;
import org.learnability.experiments.mode.head.HeadMode;
import org.learnability.experiments.mode.posthoc.Posthoc;
import org.learnability.experiments.mode.posthoc.PosthocMode;
import org.learnability.experiments.plan.ExperimentPlan;
import org.learnability.experiments.plan.PlanIdentity;
import org.learnability.experiments.record.Collapse;
import org.learnability.experiments.record.EpochScores;
import org.learnability.experiments.record.ModelKey;
import org.learnability.experiments.record.RunRecord;
import org.learnability.experiments.record.SavedModel;
import org.learnability.experiments.record.SplitScores;
import org.learnability.experiments.weighting.Weighting;
import org.learnability.runner.pipeline.Session;
import org.learnability.runner.pipeline.TrainedModel;

/** Makes the record of a model trained (or derived) and scored in a seed's session. */
final class RunRecords {

    private RunRecords() {}

    /**
     * What a model came to.
     *
     * @param model its training and scores
     * @param parts its modes' own parts of the record, by name
     * @param baselineValidation the baseline's scores on the validation images it is scored on,
     *     which its collapse is judged against; null for the baseline itself
     * @param trainedOn the images each of its epochs went through
     * @param saved where its parameters were saved; null if they were not
     */
    record Outcome(
            TrainedModel model,
            Map<String, Object> parts,
            SplitScores baselineValidation,
            long trainedOn,
            SavedModel saved) {

        /** Takes an immutable copy of the parts. */
        Outcome {
            parts = Map.copyOf(parts);
        }
    }

    /**
     * Makes the record.
     *
     * @param plan the experiment's plan
     * @param seed the seed
     * @param session the seed's data
     * @param key the model's key
     * @param run its mode, strategy and round
     * @param weighting how its weights acted
     * @param outcome what it came to
     * @param identity the digests of the plan's options
     * @return the record, stamped now; its {@code trainedImages} are the epochs it trained times
     *     the images each went through
     */
    static RunRecord of(
            ExperimentPlan plan,
            int seed,
            Session session,
            ModelKey key,
            RunId run,
            Weighting weighting,
            Outcome outcome,
            PlanIdentity identity) {
        TrainedModel model = outcome.model();
        List<ClassWeights> epochWeights = model.training().epochWeights();
        SplitScores validation = SplitScores.of(model.validation());
        Head head = (Head) outcome.parts().get(HeadMode.PART);
        return new RunRecord(
                RunRecord.SCHEMA,
                key.toString(),
                plan.baseline().dataset().name(),
                plan.baseline().model().name(),
                session.engine().getEngineName(),
                session.engine().getVersion(),
                session.device().toString(),
                seed,
                run.mode(),
                run.strategy(),
                run.round(),
                session.classNames(),
                epochWeights.get(epochWeights.size() - 1).asList(),
                epochWeights.stream().map(ClassWeights::asList).toList(),
                validation,
                SplitScores.of(model.test()),
                plan.baseline().epochs(),
                session.splits().training().size(),
                model.training().seconds(),
                model.training().imagesPerSecond(),
                Instant.now().toString(),
                weighting,
                (Posthoc) outcome.parts().get(PosthocMode.PART),
                outcome.baselineValidation() == null
                        ? null
                        : Collapse.detect(
                                outcome.baselineValidation().accuracy(),
                                validation.accuracy(),
                                plan.arms().collapseThreshold()),
                plan.baseline().scheduleName(),
                plan.baseline().averaging().toString(),
                plan.baseline().warmup(),
                plan.baseline().labelSmoothing(),
                plan.baseline().testTime().toString(),
                model.training().epochValidation().stream().map(EpochScores::of).toList(),
                identity.of(run.isBaseline()),
                (Finetune) outcome.parts().get(FinetuneMode.PART),
                (long) model.training().epochLosses().size() * outcome.trainedOn(),
                outcome.saved(),
                session.testSource(),
                head);
    }
}

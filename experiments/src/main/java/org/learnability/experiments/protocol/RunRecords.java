package org.learnability.experiments.protocol;

import java.time.Instant;
import java.util.List;
import org.learnability.api.weights.ClassWeights;
import org.learnability.experiments.control.ComputeControl;
import org.learnability.experiments.mode.ExperimentMode;
import org.learnability.experiments.mode.RunId;
import org.learnability.experiments.plan.ExperimentPlan;
import org.learnability.experiments.plan.PlanIdentity;
import org.learnability.experiments.record.Collapse;
import org.learnability.experiments.record.Cost;
import org.learnability.experiments.record.EpochScores;
import org.learnability.experiments.record.ModeParts;
import org.learnability.experiments.record.ModelKey;
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
     * What a model came to.
     *
     * @param model its training and scores
     * @param parts its modes' own parts of the record
     * @param baselineValidation the baseline's scores on the validation images it is scored on,
     *     which its collapse is judged against; null for the baseline itself
     * @param trainedOn the images each of its epochs went through
     * @param saved where its parameters were saved; null if they were not
     */
    record Outcome(
            TrainedModel model,
            ModeParts parts,
            SplitScores baselineValidation,
            long trainedOn,
            SavedModel saved) {}

    /**
     * Makes the record.
     *
     * @param plan the experiment's plan
     * @param seed the seed
     * @param session the seed's data
     * @param key the model's key, whose variant the record keeps
     * @param run its mode, strategy and round
     * @param weighting how its weights acted
     * @param outcome what it came to
     * @param identity the digests of the plan's options
     * @return the record, stamped now; its {@code trainedImages} are the epochs it trained times
     *     the images each went through; a control's record (mode {@value ComputeControl#MODE})
     *     carries its own epochs and the baseline's options digest, as it depends on the baseline's
     *     options alone
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
        boolean control = run.mode().equals(ComputeControl.MODE);
        long trainedImages = (long) model.training().epochLosses().size() * outcome.trainedOn();
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
                        identity.of(run.isBaseline() || control),
                        session.testSource(),
                        session.splits().fingerprint().digest()),
                new RunArm(
                        run.mode(),
                        run.strategy(),
                        run.round(),
                        key.variant(),
                        weighting,
                        epochWeights.get(epochWeights.size() - 1).asList(),
                        epochWeights.stream().map(ClassWeights::asList).toList()),
                new Training(
                        control ? model.training().epochLosses().size() : plan.baseline().epochs(),
                        session.splits().training().size(),
                        plan.baseline().trainingVariant()),
                new Cost(
                        trainedImages,
                        model.training().seconds(),
                        model.training().imagesPerSecond(),
                        Instant.now().toString(),
                        totalImages(plan, run, trainedImages, session)),
                new Scores(
                        validation,
                        SplitScores.of(model.test()),
                        model.training().epochValidation().stream().map(EpochScores::of).toList(),
                        outcome.baselineValidation() == null
                                ? null
                                : Collapse.detect(
                                        outcome.baselineValidation().accuracy(),
                                        validation.accuracy(),
                                        plan.arms().collapseThreshold())),
                outcome.parts(),
                outcome.saved());
    }

    /**
     * The images of a model's own training and of the models it builds on, as its mode counts them
     * ({@link ExperimentMode#totalTrainings}): its own for the baseline and the controls. A model
     * that another mode made under a mode the plan does not run (an ensemble's member recorded as
     * the {@code two-stage} model) adds the baseline's training where its weights came from the
     * baseline's scores (a strategy other than {@code uniform}).
     */
    private static long totalImages(
            ExperimentPlan plan, RunId run, long trainedImages, Session session) {
        if (run.isBaseline()) {
            return trainedImages;
        }
        long recipe = (long) plan.baseline().epochs() * session.splits().training().size();
        return plan.arms().mode().stream()
                .filter(m -> m.name().equals(run.mode()))
                .findFirst()
                .map(m -> Math.round(m.totalTrainings(plan.view()) * recipe))
                .orElse(
                        run.strategy().equals(RunRecord.BASELINE)
                                ? trainedImages
                                : trainedImages + recipe);
    }
}

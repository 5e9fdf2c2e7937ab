package org.learnability.experiments.protocol;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.learnability.api.weights.ClassWeights;
import org.learnability.experiments.control.ComputeControl;
import org.learnability.experiments.control.ControlTraining;
import org.learnability.experiments.mode.RunId;
import org.learnability.experiments.record.ModeParts;
import org.learnability.experiments.record.ModelKey;
import org.learnability.experiments.record.RunRecord;
import org.learnability.experiments.record.SavedModel;
import org.learnability.experiments.weighting.Weighting;
import org.learnability.runner.pipeline.Session;
import org.learnability.runner.pipeline.TrainedModel;
import org.learnability.runner.pipeline.ValidationHook;
import org.learnability.runner.training.TrainingSettings;

/**
 * The compute-matched controls of one seed ({@link ComputeControl}), shared as its baseline is by
 * every experiment of the seed with the same baseline plan: each trained at most once, from scratch
 * with every class weight 1 and the baseline's recipe stretched to its epochs, scored, saved where
 * the store saves baselines, and its record given to every experiment's ledger that lacks it.
 */
final class SharedControls {

    /** The controls trained here, by key. */
    private final Map<ModelKey, RunRecord> trained = new HashMap<>();

    /**
     * Returns a control for an experiment's ledger: the one it holds; else the one trained for
     * another experiment of the seed, appended to it; else trained now and appended.
     *
     * @param seed the experiment's seed
     * @param control the control
     * @return its record
     */
    RunRecord record(ExperimentSeed seed, ComputeControl control) {
        ModelKey key =
                control.key(
                        seed.session.engine().getEngineName(),
                        seed.seed,
                        seed.plan.baseline().trainingVariant());
        Optional<RunRecord> recorded = seed.skipped(key);
        if (recorded.isPresent()) {
            return recorded.get();
        }
        RunRecord shared = trained.get(key);
        if (shared != null) {
            seed.progress.skip(shared.key());
            seed.ledger.append(shared);
            seed.progress.finish(shared);
            return shared;
        }
        RunRecord baseline = seed.baseline();
        TrainingSettings settings = control.settings(seed.plan.baseline().training(seed.seed));
        seed.progress.start(
                key.toString(),
                "training " + control.label() + ", " + seed.baseline.what(control.epochs()));
        TrainedModel scored;
        SavedModel saved;
        try (Session.Fitted fitted =
                seed.session.fit(
                        seed.plan.baseline().model(),
                        ClassWeights.uniform(seed.session.classNames().size()),
                        settings,
                        seed.plan.baseline().augment(),
                        ValidationHook.NONE)) {
            scored = seed.session.score(fitted);
            saved =
                    seed.store.saves(true)
                            ? seed.store.save(key, seed.session, fitted.model())
                            : null;
        }
        RunRecord record =
                seed.record(
                        key,
                        new RunId(ComputeControl.MODE, ModelKey.BASELINE, 1),
                        Weighting.PAPER,
                        new RunRecords.Outcome(
                                scored,
                                ModeParts.NONE.with(ControlTraining.PART, control.part(settings)),
                                baseline.scores().validation(),
                                seed.session.splits().training().size(),
                                saved));
        trained.put(key, record);
        return record;
    }
}

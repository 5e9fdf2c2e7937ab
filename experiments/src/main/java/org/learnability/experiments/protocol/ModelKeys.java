package org.learnability.experiments.protocol;

import org.learnability.experiments.mode.ExperimentMode;
import org.learnability.experiments.mode.RunId;
import org.learnability.experiments.plan.ExperimentPlan;
import org.learnability.experiments.record.Finetune;
import org.learnability.experiments.record.HeadRetraining;
import org.learnability.experiments.record.ModelKey;
import org.learnability.experiments.weighting.Weighting;

/** The keys of a plan's models: the one place a plan and a run become a {@link ModelKey}. */
final class ModelKeys {

    private ModelKeys() {}

    /** The key of a model one of the plan's modes makes. */
    static ModelKey of(
            String engine, int seed, ExperimentPlan plan, RunId run, ExperimentMode mode) {
        return of(
                engine,
                seed,
                plan,
                run,
                plan.arms().weighting(mode),
                mode.finetunes() ? plan.arms().finetune() : null,
                mode.retrainsHead() ? plan.arms().head() : null);
    }

    /**
     * The key of a model made with a weighting, fine-tuned from the baseline or not (null), its
     * head re-trained or not (null).
     */
    static ModelKey of(
            String engine,
            int seed,
            ExperimentPlan plan,
            RunId run,
            Weighting weighting,
            Finetune finetune,
            HeadRetraining head) {
        return new ModelKey(
                engine,
                seed,
                run.mode(),
                run.strategy(),
                ModelKey.variant(weighting, finetune, head, plan.baseline().trainingVariant()),
                run.round());
    }

    /** The key of a seed's baseline, under the plan's first mode. */
    static ModelKey baseline(String engine, int seed, ExperimentPlan plan) {
        return of(
                engine,
                seed,
                plan,
                RunId.baseline(plan.arms().mode().get(0)),
                Weighting.PAPER,
                null,
                null);
    }
}

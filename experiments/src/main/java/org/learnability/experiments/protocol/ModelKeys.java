package org.learnability.experiments.protocol;

import org.learnability.experiments.mode.RunId;
import org.learnability.experiments.plan.ExperimentPlan;
import org.learnability.experiments.record.ModelKey;
import org.learnability.experiments.weighting.Weighting;

/** The keys of a plan's models: the one place a plan and a run become a {@link ModelKey}. */
final class ModelKeys {

    private ModelKeys() {}

    /** The key of a model made with a weighting. */
    static ModelKey of(
            String engine, int seed, ExperimentPlan plan, RunId run, Weighting weighting) {
        return new ModelKey(
                engine,
                seed,
                run.mode(),
                run.strategy(),
                ModelKey.variant(weighting, plan.baseline().trainingVariant()),
                run.round());
    }

    /** The key of a seed's baseline, under the plan's first mode. */
    static ModelKey baseline(String engine, int seed, ExperimentPlan plan) {
        return of(engine, seed, plan, RunId.baseline(plan.arms().mode().get(0)), Weighting.PAPER);
    }
}

package org.learnability.experiments.protocol;

import java.util.List;
import org.learnability.experiments.mode.ExperimentMode;
import org.learnability.experiments.mode.RunId;
import org.learnability.experiments.plan.ExperimentPlan;
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
                List.of(mode.variant(plan.view())));
    }

    /** The key of a model made with a weighting and what a mode's own options say. */
    private static ModelKey of(
            String engine,
            int seed,
            ExperimentPlan plan,
            RunId run,
            Weighting weighting,
            List<String> modes) {
        return new ModelKey(
                engine,
                seed,
                run.mode(),
                run.strategy(),
                ModelKey.variant(weighting, modes, plan.baseline().trainingVariant()),
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
                List.of());
    }
}

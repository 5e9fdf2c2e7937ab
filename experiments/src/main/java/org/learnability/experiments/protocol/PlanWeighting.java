package org.learnability.experiments.protocol;

import org.learnability.experiments.mode.ExperimentMode;
import org.learnability.experiments.plan.ExperimentPlan;
import org.learnability.experiments.record.Weighting;

/**
 * The {@link Weighting} of the models a plan makes: the baseline's is the paper's weighting under
 * the plan's schedule and averaging; a trained weighted model's is the plan's; a derived one's
 * ({@code posthoc}) is the plan's smoothing, bound and score epochs on the baseline.
 */
final class PlanWeighting {

    private PlanWeighting() {}

    /** The baseline's. */
    static Weighting baseline(ExperimentPlan plan) {
        return Weighting.baseline(
                plan.training().schedule().name().toLowerCase(java.util.Locale.ROOT),
                plan.training().averaging().toString());
    }

    /** The weighting of the models a mode makes under a plan. */
    static Weighting of(ExperimentPlan plan, ExperimentMode mode) {
        Weighting baseline = baseline(plan);
        return new Weighting(
                mode.trains() ? plan.training().loss().toString() : Weighting.DEFAULT_LOSS,
                mode.trains() ? plan.training().apply().toString() : Weighting.DEFAULT_APPLY,
                plan.smoothing().ema(),
                plan.smoothing().uniformMix(),
                mode.trains() && mode.usesWarmup() ? plan.smoothing().warmupEpochs() : 1,
                plan.bound().maxRatio(),
                baseline.schedule(),
                baseline.averaging(),
                plan.scoreEpochs());
    }
}

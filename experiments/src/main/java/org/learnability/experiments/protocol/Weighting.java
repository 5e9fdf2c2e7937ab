package org.learnability.experiments.protocol;

import org.learnability.experiments.mode.ExperimentMode;
import org.learnability.experiments.plan.ExperimentPlan;
import org.learnability.experiments.record.RunRecord;

/**
 * How a model's weights acted, as its record states it and its key names it: the baseline's is the
 * source paper's (weighted cross-entropy on the loss, no smoothing); a trained weighted model's is
 * the plan's; a derived one's ({@code posthoc}) is the plan's smoothing and bound on the baseline.
 *
 * @param loss the loss spec
 * @param apply the weight application
 * @param weightEma the smoothing with the previous weights
 * @param uniformMix the uniform mix
 * @param warmupEpochs the unweighted first epochs (modes with a warm-up; 1 otherwise)
 * @param maxWeightRatio the bound on the weights, 0 for none
 */
record Weighting(
        String loss,
        String apply,
        double weightEma,
        double uniformMix,
        int warmupEpochs,
        double maxWeightRatio) {

    /** The baseline's. */
    static final Weighting NONE =
            new Weighting(RunRecord.DEFAULT_LOSS, RunRecord.DEFAULT_APPLY, 0, 0, 1, 0);

    /** The weighting of the models a mode makes under a plan. */
    static Weighting of(ExperimentPlan plan, ExperimentMode mode) {
        return mode.trains() ? trained(plan, mode) : derived(plan);
    }

    /** The weighting of a model that a mode trains under a plan. */
    private static Weighting trained(ExperimentPlan plan, ExperimentMode mode) {
        return new Weighting(
                plan.training().loss().toString(),
                plan.training().apply().toString(),
                plan.smoothing().ema(),
                plan.smoothing().uniformMix(),
                mode.usesWarmup() ? plan.smoothing().warmupEpochs() : 1,
                plan.bound().maxRatio());
    }

    /** The weighting of a model derived from the baseline under a plan. */
    private static Weighting derived(ExperimentPlan plan) {
        return new Weighting(
                RunRecord.DEFAULT_LOSS,
                RunRecord.DEFAULT_APPLY,
                plan.smoothing().ema(),
                plan.smoothing().uniformMix(),
                1,
                plan.bound().maxRatio());
    }

    /** Returns the non-default settings, as {@link RunRecord#variant()} writes them. */
    String variant() {
        return RunRecord.variant(loss, apply, weightEma, uniformMix, warmupEpochs, maxWeightRatio);
    }
}

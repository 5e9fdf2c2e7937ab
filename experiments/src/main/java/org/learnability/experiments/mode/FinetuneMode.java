package org.learnability.experiments.mode;

import java.util.List;
import org.learnability.api.scores.ClassScores;

/**
 * {@value #NAME}, deferred re-weighting (Cao et al., "Learning Imbalanced Datasets with
 * Label-Distribution-Aware Margin Loss", NeurIPS 2019: LDAM-DRW trains unweighted and switches the
 * class weights on only for the last phase): the seed's baseline, trained further with the weights
 * {@code w = W(s_val(M0), 1)} for {@code --finetune-epochs} K epochs, a fresh optimizer at a
 * constant {@code --finetune-lr} ({@link SeedRun#finetuned}):
 *
 * <pre>
 *   M_w = M0 + K epochs of  sum_i w[y_i] l_i / sum_i w[y_i]   (any --loss, any --apply)
 * </pre>
 *
 * More epochs raise accuracy by themselves, so every seed also fine-tunes with {@code uniform}
 * weights, the control each weighted fine-tune is compared with beside the baseline: that separates
 * the weights' effect from the extra epochs'. K = 0 gives the baseline's figures.
 */
public final class FinetuneMode implements ExperimentMode {

    /** The name on command lines and in records. */
    public static final String NAME = "finetune";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "the baseline trained --finetune-epochs more epochs with the weights (deferred"
                + " re-weighting), beside the same with uniform weights";
    }

    @Override
    public boolean usesBaselineModel() {
        return true;
    }

    @Override
    public boolean finetunes() {
        return true;
    }

    @Override
    public List<RunId> weightedRuns(List<String> strategies, int rounds) {
        return WeightedRounds.withControl(NAME, strategies);
    }

    @Override
    public void run(SeedRun seed) {
        ClassScores scores = seed.baseline().validationScores(seed.weighting());
        for (RunId run : weightedRuns(List.copyOf(seed.strategies().keySet()), 1)) {
            seed.finetuned(run, WeightedRounds.weights(seed, run, scores));
        }
    }
}

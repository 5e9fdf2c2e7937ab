package org.learnability.experiments.mode.finetune;

import ai.djl.Model;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.learnability.api.scores.ClassScores;
import org.learnability.api.weights.ClassWeights;
import org.learnability.experiments.mode.ExperimentMode;
import org.learnability.experiments.mode.PlanView;
import org.learnability.experiments.mode.RunId;
import org.learnability.experiments.mode.SeedModels;
import org.learnability.experiments.mode.WeightedRounds;
import org.learnability.experiments.record.Finetune;
import org.learnability.experiments.record.ModeParts;
import org.learnability.experiments.record.RunRecord;
import org.learnability.experiments.weighting.Weighting;
import org.learnability.runner.pipeline.ValidationHook;
import org.learnability.runner.training.Averaging;
import org.learnability.runner.training.TrainingSettings;
import org.learnability.runner.training.Warmup;

/**
 * {@value #NAME}, deferred re-weighting (Cao et al., "Learning Imbalanced Datasets with
 * Label-Distribution-Aware Margin Loss", NeurIPS 2019: LDAM-DRW trains unweighted and switches the
 * class weights on only for the last phase): the seed's baseline, trained further with the weights
 * {@code w = W(s_val(M0), 1)} for {@code --finetune-epochs} K epochs, a fresh optimizer of the
 * plan's kind at a constant {@code --finetune-lr}, no averaging, on the batch orders of the epochs
 * after the baseline's:
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
    public Optional<Class<? extends Record>> settings() {
        return Optional.of(FinetuneSettings.class);
    }

    @Override
    public double trainings(PlanView plan) {
        return plan.settings(FinetuneSettings.class).finetuneEpochs() / (double) plan.epochs();
    }

    @Override
    public String variant(PlanView plan) {
        return plan.settings(FinetuneSettings.class).variant();
    }

    @Override
    public List<RunId> weightedRuns(List<String> strategies, int rounds) {
        return WeightedRounds.withControl(NAME, strategies);
    }

    @Override
    public void run(SeedModels seed) {
        ClassScores scores = seed.baseline().validationScores(seed.weighting());
        Finetune finetune = seed.settings(FinetuneSettings.class).part();
        for (RunId run : weightedRuns(List.copyOf(seed.strategies().keySet()), 1)) {
            ClassWeights weights = WeightedRounds.weights(seed, run, scores);
            seed.trained(run, () -> training(seed, weights, finetune));
        }
    }

    @Override
    public Optional<Model> remake(SeedModels seed, RunRecord record) {
        seed.note(
                "fine-tuning "
                        + record.key()
                        + " again for its logits (deterministic; its record stays)");
        return Optional.of(seed.fit(training(seed, record.weightsUsed(), part(record))));
    }

    private static Finetune part(RunRecord record) {
        return record.parts().get(Finetune.PART, Finetune.class).orElseThrow();
    }

    /**
     * The baseline's parameters trained {@code finetune.epochs()} more epochs with the weights, a
     * fresh optimizer at the fine-tune's constant rate, no averaging.
     */
    private static SeedModels.Training training(
            SeedModels seed, ClassWeights weights, Finetune finetune) {
        TrainingSettings base = seed.training();
        TrainingSettings settings =
                base.withAveraging(Averaging.NONE)
                        .withSchedule(TrainingSettings.Schedule.CONSTANT, Warmup.NONE)
                        .withOptimizer(
                                base.optimizer(),
                                finetune.learningRate(),
                                base.momentum(),
                                base.weightDecay());
        return new SeedModels.Training(
                Optional.of(seed.baselineParameters()),
                weights,
                settings,
                finetune.epochs(),
                seed.plan().epochs(),
                ValidationHook.NONE,
                ModeParts.NONE.with(Finetune.PART, finetune),
                String.format(
                        Locale.ROOT,
                        "fine-tuning the baseline: %s at a rate of %s",
                        seed.describe(finetune.epochs()),
                        Weighting.number(finetune.learningRate())));
    }
}

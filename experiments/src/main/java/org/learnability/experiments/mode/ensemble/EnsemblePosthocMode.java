package org.learnability.experiments.mode.ensemble;

import org.learnability.api.weights.ClassWeights;
import org.learnability.experiments.mode.Derived;
import org.learnability.experiments.mode.RunId;
import org.learnability.experiments.mode.SeedModels;
import org.learnability.experiments.mode.posthoc.PosthocMode;
import org.learnability.experiments.mode.posthoc.PosthocOnMode;
import org.learnability.experiments.record.RunRecord;
import org.learnability.runner.pipeline.TrainedModel;

/**
 * {@value #NAME}: the post-hoc offsets of {@link PosthocMode} on an ensemble's scores, one model
 * for each {@code ensemble} model of the seed, as {@code PosthocOnMode} puts them on another mode's
 * models: the ensemble's log mean softmax plus {@code T ln(w_c)}, with the weights its members
 * trained with,
 *
 * <pre>
 *   predict(x) = argmax_c (ln p_c(x) + T ln w_c),   p = the ensemble's mean softmax
 * </pre>
 *
 * {@code T} chosen on the validation split (lowest Var(TPR) within {@code --max-accuracy-drop} of
 * the ensemble's own validation accuracy). Its members are the ensemble's, loaded where saved; it
 * trains nothing of its own, and costs what the ensemble costs ({@link PosthocOnMode}, whose {@link
 * #run} it replaces: its source's model is K networks).
 */
public final class EnsemblePosthocMode extends PosthocOnMode {

    /** The name on command lines and in records. */
    public static final String NAME = EnsembleMode.NAME + "+" + PosthocMode.NAME;

    /** Creates the mode on top of {@code ensemble}. */
    public EnsemblePosthocMode() {
        super(new EnsembleMode());
    }

    @Override
    public String description() {
        return "the ensemble's log mean softmax plus T ln(w_c), T chosen on validation";
    }

    @Override
    public void run(SeedModels seed) {
        for (RunId from : sourceRuns(seed)) {
            RunId run = new RunId(NAME, from.strategy(), from.round());
            RunRecord ensemble =
                    seed.recorded(from)
                            .orElseThrow(
                                    () ->
                                            new IllegalStateException(
                                                    NAME + ": " + from + " is not recorded"));
            ClassWeights weights = ensemble.weightsUsed();
            seed.made(
                    run,
                    "adjusting the logits of " + ensemble.key() + " (" + NAME + ")",
                    () -> adjusted(seed, from, ensemble, weights));
        }
    }

    /** The ensemble's combination, made again from its members, with the offsets chosen. */
    private static SeedModels.Made adjusted(
            SeedModels seed, RunId from, RunRecord ensemble, ClassWeights weights) {
        EnsembleMembers members = EnsembleMode.members(seed, from, weights);
        EnsembleMembers.Combined combined = members.combine();
        Derived derived =
                members.withLogLogits(
                        combined,
                        (baseline, logits) ->
                                PosthocMode.adjust(logits, weights, seed.plan().maxAccuracyDrop()));
        TrainedModel cost = combined.model(weights, EnsembleMode.trainSize(seed));
        return new SeedModels.Made(
                new TrainedModel(cost.training(), derived.validation(), derived.test()),
                ensemble.parts().with(derived.part()),
                seed.baseline().scores().validation(),
                EnsembleMode.trainSize(seed),
                null);
    }
}

package org.learnability.experiments.mode.posthoc;

import java.util.List;
import java.util.Optional;
import org.learnability.api.weights.ClassWeights;
import org.learnability.experiments.mode.ExperimentMode;
import org.learnability.experiments.mode.PlanView;
import org.learnability.experiments.mode.RunId;
import org.learnability.experiments.mode.SeedModels;
import org.learnability.experiments.record.RunRecord;
import org.learnability.experiments.record.SplitScores;
import org.learnability.experiments.weighting.Weighting;

/**
 * {@code <source>+posthoc}: the post-hoc offsets of {@link PosthocMode} on top of another mode's
 * models instead of the baseline's, one for one: the logits of the source's model trained with
 * weights {@code w}, plus {@code T ln(w_c)}, {@code T} chosen on the validation split as {@code
 * posthoc} chooses it (lowest Var(TPR) within {@code --max-accuracy-drop} of the source model's own
 * validation accuracy). So a study compares baseline → posthoc with, say, finetune → posthoc. Its
 * models carry the source's weighting and fine-tuning, cost what the source's do and build on what
 * they build on; it trains nothing of its own. A source whose model is not one network overrides
 * {@link #run} ({@code ensemble+posthoc}).
 */
public class PosthocOnMode implements ExperimentMode {

    private final ExperimentMode source;

    /**
     * Creates the mode on top of another.
     *
     * @param source the mode whose models it adjusts
     */
    public PosthocOnMode(ExperimentMode source) {
        this.source = source;
    }

    @Override
    public String name() {
        return source.name() + "+" + PosthocMode.NAME;
    }

    @Override
    public String description() {
        return "the " + source.name() + " models' logits plus T ln(w_c), T chosen on validation";
    }

    /** Its models are the source's: their loss family and weight application count. */
    @Override
    public Weighting weighting(Weighting plan) {
        return source.weighting(plan);
    }

    /** Its models are the source's, adjusted: what they cost. */
    @Override
    public double trainings(PlanView plan) {
        return source.trainings(plan);
    }

    @Override
    public boolean buildsOnBaseline(PlanView plan) {
        return source.buildsOnBaseline(plan);
    }

    @Override
    public String variant(PlanView plan) {
        return source.variant(plan);
    }

    @Override
    public SplitScores baselineValidation(RunRecord baseline, RunRecord record) {
        return source.baselineValidation(baseline, record);
    }

    @Override
    public Optional<String> source() {
        return Optional.of(source.name());
    }

    @Override
    public List<RunId> weightedRuns(List<String> strategies, int rounds) {
        return source.weightedRuns(strategies, rounds).stream()
                .map(r -> new RunId(name(), r.strategy(), r.round()))
                .toList();
    }

    @Override
    public void run(SeedModels seed) {
        for (RunId from : sourceRuns(seed)) {
            RunRecord model =
                    seed.recorded(from)
                            .orElseThrow(
                                    () ->
                                            new IllegalStateException(
                                                    name() + ": " + from + " is not recorded"));
            ClassWeights weights = model.weightsUsed();
            seed.derived(
                    new RunId(name(), from.strategy(), from.round()),
                    weights,
                    from,
                    logits -> PosthocMode.adjust(logits, weights, seed.plan().maxAccuracyDrop()));
        }
    }

    /**
     * Returns the source's models of a seed, those this mode adjusts one for one.
     *
     * @param seed the seed
     * @return the source's runs for the seed's strategies
     */
    protected final List<RunId> sourceRuns(SeedModels seed) {
        return source.weightedRuns(List.copyOf(seed.strategies().keySet()), seed.plan().rounds());
    }
}

package org.learnability.experiments.mode.ensemble;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.learnability.api.scores.ClassScores;
import org.learnability.api.weights.ClassWeights;
import org.learnability.experiments.mode.ExperimentMode;
import org.learnability.experiments.mode.PlanView;
import org.learnability.experiments.mode.RunId;
import org.learnability.experiments.mode.SeedModels;
import org.learnability.experiments.mode.TwoStageMode;
import org.learnability.experiments.mode.WeightedRounds;
import org.learnability.experiments.record.ModeParts;

/**
 * {@value #NAME}, a deep ensemble (Lakshminarayanan et al., NeurIPS 2017; its effect on the worst
 * classes: Ko et al., "FAIR-Ensemble: When Fairness Naturally Emerges From Deep Ensembling", 2023):
 * the mean softmax of K models of the baseline's recipe from different initialisations ({@link
 * MeanSoftmax}), the baseline the first ({@link EnsembleMembers}):
 *
 * <pre>
 *   p(x) = (1 / K) (softmax(z_0(x)) + sum_{k=1..K-1} softmax(z_k(x))),   predict = argmax_c p_c
 * </pre>
 *
 * With {@code uniform} it is the plain ensemble; with a strategy the K - 1 added models train with
 * its weights {@code w = W(s_val(M0), 1)}, so K = 2 averages the baseline with the source paper's
 * second-stage model. Every seed also makes the plain ensemble of the same K, the control that
 * separates the weights' effect from the ensemble's. It costs K trainings; K = 1 is the baseline.
 */
public final class EnsembleMode implements ExperimentMode {

    /** The name on command lines and in records. */
    public static final String NAME = "ensemble";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "the mean softmax of the baseline and --ensemble-size - 1 models of its recipe from"
                + " other initialisations, trained with the weights, beside the plain ensemble";
    }

    @Override
    public Optional<Class<? extends Record>> settings() {
        return Optional.of(EnsembleSettings.class);
    }

    /** The K - 1 added members; the baseline's is the baseline's. */
    @Override
    public double trainings(PlanView plan) {
        return plan.settings(EnsembleSettings.class).ensembleSize() - 1;
    }

    /** Its first member is the baseline's model: loaded, not trained again, where it is saved. */
    @Override
    public boolean buildsOnBaseline(PlanView plan) {
        return true;
    }

    /** K - 1 members added to the baseline, for each of its runs. */
    @Override
    public int memberModels(PlanView plan, List<String> strategies) {
        int size = plan.settings(EnsembleSettings.class).ensembleSize();
        return (size - 1) * weightedRuns(strategies, 1).size();
    }

    /** A strategy's second-stage model, where the key names no option of the ensemble's own. */
    @Override
    public List<String> alsoRecords(PlanView plan) {
        return variant(plan).isEmpty() ? List.of(TwoStageMode.NAME) : List.of();
    }

    @Override
    public String variant(PlanView plan) {
        return plan.settings(EnsembleSettings.class).variant();
    }

    @Override
    public List<RunId> weightedRuns(List<String> strategies, int rounds) {
        return WeightedRounds.withControl(NAME, strategies);
    }

    @Override
    public void run(SeedModels seed) {
        ClassScores scores = seed.baseline().validationScores(seed.weighting());
        for (RunId run : weightedRuns(List.copyOf(seed.strategies().keySet()), 1)) {
            ClassWeights weights = WeightedRounds.weights(seed, run, scores);
            if (seed.recorded(run).isPresent()) {
                seed.made(run, what(seed), () -> null); // skipped: recorded
                continue;
            }
            EnsembleMembers.Combined combined = members(seed, run, weights).combine();
            seed.made(
                    run,
                    what(seed),
                    () ->
                            new SeedModels.Made(
                                    combined.model(weights, trainSize(seed)),
                                    ModeParts.NONE.with(EnsemblePart.PART, combined.part()),
                                    seed.baseline().scores().validation(),
                                    trainSize(seed),
                                    null));
        }
    }

    /**
     * The members of one of this mode's runs in a seed.
     *
     * @param seed the seed
     * @param run the run
     * @param weights the weights its added members train with
     * @return the members
     */
    static EnsembleMembers members(SeedModels seed, RunId run, ClassWeights weights) {
        EnsembleSettings settings = seed.settings(EnsembleSettings.class);
        return new EnsembleMembers(
                seed, run, weights, settings.ensembleSize(), !settings.variant().isEmpty());
    }

    /** What an ensemble does, for its progress line. */
    static String what(SeedModels seed) {
        return String.format(
                Locale.ROOT,
                "averaging the softmax of %d models (the baseline first)",
                seed.settings(EnsembleSettings.class).ensembleSize());
    }

    static int trainSize(SeedModels seed) {
        return seed.session().splits().training().size();
    }
}

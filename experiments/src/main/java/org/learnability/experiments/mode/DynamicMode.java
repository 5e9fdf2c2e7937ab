package org.learnability.experiments.mode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.learnability.api.scores.ClassScores;
import org.learnability.api.strategy.WeightStrategy;
import org.learnability.api.weights.ClassWeights;
import org.learnability.experiments.record.EpochScores;
import org.learnability.experiments.weighting.Weighting;
import org.learnability.runner.pipeline.ValidationHook;

/**
 * {@value #NAME}: one weighted model per strategy; after every epoch but the last its validation
 * scores give the next epoch's weights ({@code w_{e+1} = W(s_val(M_e), w_e)}, through the trainer's
 * epoch hook). The first epoch is unweighted.
 */
public final class DynamicMode implements ExperimentMode {

    /** The name on command lines and in records. */
    public static final String NAME = "dynamic";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "one model whose weights are recomputed from its validation scores after every"
                + " epoch";
    }

    /** Its warm-up must leave epochs to weigh. */
    @Override
    public void check(PlanView plan) {
        plan.weighting().check(plan.epochs(), true);
    }

    /** Its first {@code --warmup-epochs} epochs are unweighted. */
    @Override
    public Weighting weighting(Weighting plan) {
        return plan.in(true, true);
    }

    /** Its weights come from its own scores: it costs one training, as the baseline does. */
    @Override
    public double totalTrainings(PlanView plan) {
        return trainings(plan);
    }

    @Override
    public List<RunId> weightedRuns(List<String> strategies, int rounds) {
        return WeightedRounds.runs(NAME, strategies, 1);
    }

    @Override
    public void run(SeedModels seed) {
        seed.baseline();
        int classes = seed.classNames().size();
        for (Map.Entry<String, WeightStrategy> entry : seed.strategies().entrySet()) {
            seed.model(
                    new RunId(NAME, entry.getKey(), 1),
                    ClassWeights.uniform(classes),
                    hook(seed, entry.getValue()));
        }
    }

    /**
     * Keeps all weights 1 for the warm-up epochs, then recomputes them from the validation scores
     * (averaged over the last {@code --score-epochs} epochs) after every epoch but the last,
     * smoothed with the weights in force and bounded.
     */
    private static ValidationHook hook(SeedModels seed, WeightStrategy strategy) {
        int lastEpoch = seed.plan().epochs() - 1;
        int warmupEpochs = seed.weighting().warmupEpochs();
        List<EpochScores> epochs = new ArrayList<>();
        return (epoch, validation, current) -> {
            epochs.add(EpochScores.of(validation));
            if (epoch == lastEpoch || epoch < warmupEpochs - 1) {
                return current;
            }
            ClassScores scores = EpochScores.mean(epochs, seed.weighting(), seed.classNames());
            return seed.weighting().weights(current, strategy.weights(scores, current));
        };
    }
}

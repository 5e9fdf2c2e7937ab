package org.learnability.experiments.mode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.learnability.api.scores.ClassScores;
import org.learnability.api.strategy.WeightStrategy;
import org.learnability.api.weights.ClassWeights;
import org.learnability.experiments.record.RunRecord;
import org.learnability.experiments.weighting.Weighting;
import org.learnability.runner.pipeline.ValidationHook;

/**
 * Rounds of weighted models, each trained from scratch with the weights of the previous round's
 * validation scores, smoothed with the previous round's weights and bounded ({@link
 * Weighting#weights}): {@code w_r = smooth(w_{r-1}, W(s_val(M_{r-1}), w_{r-1}))}, round 0 being the
 * baseline. One round is the source paper's two-stage method.
 */
public final class WeightedRounds {

    private WeightedRounds() {}

    /** The runs of {@code rounds} rounds of a mode for every strategy of a plan. */
    public static List<RunId> runs(String mode, List<String> strategies, int rounds) {
        List<RunId> runs = new ArrayList<>();
        for (String strategy : strategies) {
            IntStream.rangeClosed(1, rounds).forEach(r -> runs.add(new RunId(mode, strategy, r)));
        }
        return runs;
    }

    /**
     * The runs of a mode built on the baseline: its control ({@code uniform} weights, the same
     * further training without the weights) first, then every weighted strategy, one round each.
     */
    public static List<RunId> withControl(String mode, List<String> strategies) {
        List<String> withControl = new ArrayList<>(List.of(RunRecord.BASELINE));
        strategies.stream().filter(s -> !s.equals(RunRecord.BASELINE)).forEach(withControl::add);
        return runs(mode, withControl, 1);
    }

    /**
     * The weights of one run of a mode built on the baseline: every weight 1 for its control, else
     * the run's strategy on the given scores, smoothed and bounded as the mode's weighting says.
     */
    public static ClassWeights weights(SeedModels seed, RunId run, ClassScores scores) {
        ClassWeights uniform = ClassWeights.uniform(seed.classNames().size());
        ClassWeights proposed =
                run.strategy().equals(RunRecord.BASELINE)
                        ? uniform
                        : seed.strategies().get(run.strategy()).weights(scores, uniform);
        return seed.weighting().weights(uniform, proposed);
    }

    /** Trains {@code rounds} rounds of a mode for every strategy of a seed. */
    public static void run(String mode, SeedModels seed, int rounds) {
        RunRecord baseline = seed.baseline();
        for (Map.Entry<String, WeightStrategy> entry : seed.strategies().entrySet()) {
            RunRecord previous = baseline;
            for (int round = 1; round <= rounds; round++) {
                ClassWeights before = previous.weightsUsed();
                ClassWeights proposed =
                        entry.getValue()
                                .weights(previous.validationScores(seed.weighting()), before);
                previous =
                        seed.model(
                                new RunId(mode, entry.getKey(), round),
                                seed.weighting().weights(before, proposed),
                                ValidationHook.NONE);
            }
        }
    }
}

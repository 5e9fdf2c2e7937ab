package org.learnability.experiments.mode.posthoc;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.learnability.api.scores.ClassScores;
import org.learnability.api.strategy.WeightStrategy;
import org.learnability.api.weights.ClassWeights;
import org.learnability.experiments.mode.Derived;
import org.learnability.experiments.mode.ExperimentMode;
import org.learnability.experiments.mode.PlanView;
import org.learnability.experiments.mode.RunId;
import org.learnability.experiments.mode.SeedModels;
import org.learnability.experiments.mode.WeightedRounds;
import org.learnability.experiments.record.ModeParts;
import org.learnability.experiments.record.Posthoc;
import org.learnability.experiments.record.RunRecord;
import org.learnability.experiments.weighting.Weighting;
import org.learnability.runner.pipeline.SplitLogits;

/**
 * {@value #NAME}: no retraining. The strategy's weights {@code w}, from the baseline's validation
 * scores, give per-class offsets added to the baseline's logits at prediction (post-hoc logit
 * adjustment, Menon et al., ICLR 2021):
 *
 * <pre>
 *   predict(x) = argmax_c (x_c + b_c),   b_c = T ln(w_c)
 * </pre>
 *
 * {@code T} is chosen on the validation split from {@code 0, 0.05, ..., 5}: the one with the lowest
 * Var(TPR) among those whose validation accuracy is at most {@code --max-accuracy-drop} below the
 * baseline's (the smallest such T on a tie; T = 0, the baseline itself, always qualifies). The test
 * split is then scored once with it. It costs one scoring pass of each split per seed, shared by
 * every strategy. The record keeps the offsets' trade-off frontier too ({@link OffsetFrontier}):
 * the T chosen at accuracy budgets of 0 to 2 points, judged on test.
 */
public final class PosthocMode implements ExperimentMode {

    /** The name on command lines and in records. */
    public static final String NAME = "posthoc";

    /** The grid of T: 0 to 5 in steps of 1 / {@value #STEPS_PER_UNIT}. */
    static final int STEPS_PER_UNIT = 20;

    /** The largest T tried. */
    static final int MAX_TEMPERATURE = 5;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "no retraining: the baseline's logits plus T ln(w_c), T chosen on validation";
    }

    /** Trains nothing: the loss family and the weight application do not act. */
    @Override
    public Weighting weighting(Weighting plan) {
        return plan.in(false, false);
    }

    @Override
    public double trainings(PlanView plan) {
        return 0;
    }

    @Override
    public List<RunId> weightedRuns(List<String> strategies, int rounds) {
        return WeightedRounds.runs(NAME, strategies, 1);
    }

    @Override
    public void run(SeedModels seed) {
        RunRecord baseline = seed.baseline();
        ClassScores scores = baseline.validationScores(seed.weighting());
        ClassWeights uniform = ClassWeights.uniform(seed.classNames().size());
        for (Map.Entry<String, WeightStrategy> entry : seed.strategies().entrySet()) {
            ClassWeights weights =
                    seed.weighting().weights(uniform, entry.getValue().weights(scores, uniform));
            seed.derived(
                    new RunId(NAME, entry.getKey(), 1),
                    weights,
                    RunId.baseline(this),
                    logits -> adjust(logits, weights, seed.plan().maxAccuracyDrop()));
        }
    }

    /**
     * Chooses T on the validation split and scores the test split with it; records the offsets and
     * their trade-off frontier ({@link OffsetFrontier}).
     *
     * @param logits the baseline's logits
     * @param weights the strategy's weights
     * @param maxAccuracyDrop how much validation accuracy T may give up
     * @return the scores of the adjusted predictions and the offsets
     */
    public static Derived adjust(SplitLogits logits, ClassWeights weights, double maxAccuracyDrop) {
        TemperatureSweep sweep = new TemperatureSweep(weights, logits.validation()::score);
        OffsetFrontier frontier = new OffsetFrontier(sweep, logits.test()::score);
        int chosen = sweep.choose(maxAccuracyDrop);
        double[] b = sweep.offsets(chosen);
        return new Derived(
                sweep.validation(chosen),
                frontier.test(chosen),
                ModeParts.NONE.with(
                        Posthoc.PART,
                        new Posthoc(
                                sweep.temperature(chosen),
                                Arrays.stream(b).boxed().toList(),
                                frontier.points())));
    }

    /** {@code b_c = T ln(w_c)}. */
    static double[] offsets(ClassWeights weights, double t) {
        double[] b = new double[weights.size()];
        for (int c = 0; c < b.length; c++) {
            b[c] = t == 0 ? 0 : t * Math.log(weights.get(c));
        }
        return b;
    }
}

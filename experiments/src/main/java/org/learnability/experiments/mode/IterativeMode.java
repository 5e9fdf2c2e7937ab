package org.learnability.experiments.mode;

import java.util.List;
import java.util.Map;

/**
 * {@value #NAME}: rounds r = 1..R, each a model trained from scratch with {@code w_r =
 * W(s_val(M_{r-1}), w_{r-1})}; strategies such as {@code multiplicative} and {@code additive} build
 * on {@code w_{r-1}}.
 */
public final class IterativeMode implements ExperimentMode {

    /** The name on command lines and in records. */
    public static final String NAME = "iterative";

    /** The rounds when the mode is chosen and {@code --rounds} is not. */
    public static final int DEFAULT_ROUNDS = 3;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "R rounds, each trained from scratch with weights from the previous round's"
                + " validation scores and weights";
    }

    @Override
    public Map<String, Object> defaults() {
        return Map.of("rounds", DEFAULT_ROUNDS);
    }

    /** Its last round builds on every earlier round and the baseline: {@code R + 1}. */
    @Override
    public double totalTrainings(PlanView plan) {
        return plan.rounds() + 1;
    }

    @Override
    public List<RunId> weightedRuns(List<String> strategies, int rounds) {
        return WeightedRounds.runs(NAME, strategies, rounds);
    }

    @Override
    public void run(SeedModels seed) {
        WeightedRounds.run(NAME, seed, seed.plan().rounds());
    }
}

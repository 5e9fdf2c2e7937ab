package org.learnability.experiments.mode;

import java.util.List;

/**
 * {@value #NAME}, the source paper's Algorithm 1: {@code w = W(s_val(M0), 1)} from the baseline's
 * validation scores, then one model trained with {@code w}.
 */
public final class TwoStageMode implements ExperimentMode {

    /** The name on command lines and in records. */
    public static final String NAME = "two-stage";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "the source paper's Algorithm 1: weights from the baseline's validation scores,"
                + " then one weighted model";
    }

    @Override
    public List<RunId> weightedRuns(List<String> strategies, int rounds) {
        return WeightedRounds.runs(NAME, strategies, 1);
    }

    @Override
    public void run(SeedModels seed) {
        WeightedRounds.run(NAME, seed, 1);
    }
}

package org.learnability.experiments.mode;

import org.learnability.experiments.record.RunRecord;

/**
 * One model of an experiment for a seed, within its engine: the mode that made it, the strategy and
 * the round. With the engine, the seed and the weighting it makes the model's key.
 *
 * @param mode the mode's name; the baseline's is the plan's first mode
 * @param strategy the strategy spec; {@code uniform} for the baseline
 * @param round 0 for the baseline; the weighted round otherwise, from 1
 */
public record RunId(String mode, String strategy, int round) {

    /**
     * Returns the baseline of a set of modes: every class weight 1, round 0, under the first mode.
     *
     * @param firstMode the plan's first mode
     * @return the baseline's id
     */
    public static RunId baseline(ExperimentMode firstMode) {
        return new RunId(firstMode.name(), RunRecord.BASELINE, 0);
    }

    /**
     * Tells whether this is the baseline.
     *
     * @return {@code true} for round 0
     */
    public boolean isBaseline() {
        return round == 0;
    }
}

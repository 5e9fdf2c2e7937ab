package org.learnability.experiments.mode;

import org.learnability.experiments.record.RunRecord;

/**
 * One model of an experiment for a seed, within its engine and mode.
 *
 * @param strategy the strategy spec; {@code uniform} for the baseline
 * @param round 0 for the baseline; the weighted round otherwise, from 1
 */
public record RunId(String strategy, int round) {

    /** The baseline: every class weight 1, round 0. */
    public static final RunId BASELINE = new RunId(RunRecord.BASELINE, 0);
}

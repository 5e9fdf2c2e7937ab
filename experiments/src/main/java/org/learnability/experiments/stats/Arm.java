package org.learnability.experiments.stats;

import org.learnability.experiments.record.RunRecord;

/**
 * One arm of an experiment on a data set and model: the models trained with one strategy, in one
 * mode, on one engine, over seeds.
 *
 * @param engine the DJL engine
 * @param mode {@code two-stage}, {@code iterative} or {@code dynamic}
 * @param strategy the strategy spec; {@code uniform} for the baseline
 * @param baseline whether this is the baseline arm (round 0)
 */
public record Arm(String engine, String mode, String strategy, boolean baseline) {

    /**
     * The arm a record belongs to.
     *
     * @param run the record
     * @return its arm
     */
    public static Arm of(RunRecord run) {
        return new Arm(run.engine(), run.mode(), run.strategy(), run.isBaseline());
    }
}

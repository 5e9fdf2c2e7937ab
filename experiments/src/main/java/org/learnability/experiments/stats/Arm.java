package org.learnability.experiments.stats;

import org.learnability.experiments.record.RunRecord;

/**
 * One arm of an experiment on a data set and model: the models trained with one strategy and one
 * weighting (loss, application, smoothing), in one mode, on one engine, over seeds.
 *
 * @param engine the DJL engine
 * @param mode the mode, e.g. {@code two-stage}
 * @param strategy the strategy spec; {@code uniform} for the baseline
 * @param variant how the weighting differs from the paper's ({@link RunRecord#variant()}); empty
 *     for the paper's
 * @param baseline whether this is the baseline arm (round 0)
 */
public record Arm(String engine, String mode, String strategy, String variant, boolean baseline) {

    /**
     * The arm a record belongs to.
     *
     * @param run the record
     * @return its arm
     */
    public static Arm of(RunRecord run) {
        return new Arm(
                run.provenance().engine(),
                run.arm().mode(),
                run.arm().strategy(),
                run.arm().variant(),
                run.isBaseline());
    }

    /**
     * Returns this arm as one compared with the reference baseline: a baseline of another training
     * variant (schedule, averaging) where the plain baseline is recorded too.
     *
     * @return the arm, not a baseline
     */
    public Arm compared() {
        return new Arm(engine, mode, strategy, variant, false);
    }

    /**
     * Identifies the arm's design whatever the engine: its mode, strategy and weighting, for
     * putting the engines of one design side by side.
     *
     * @return e.g. {@code two-stage mean-ratio:gamma=2 [loss=focal]}
     */
    public String design() {
        return mode + " " + weightedStrategy();
    }

    /**
     * Names the strategy with its weighting.
     *
     * @return e.g. {@code mean-ratio:gamma=2} or {@code mean-ratio:gamma=2 [loss=focal]}
     */
    public String weightedStrategy() {
        return variant.isEmpty() ? strategy : strategy + " [" + variant + "]";
    }
}

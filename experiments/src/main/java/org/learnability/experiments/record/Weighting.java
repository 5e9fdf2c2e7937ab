package org.learnability.experiments.record;

import java.util.ArrayList;
import java.util.List;

/**
 * How a model was trained beyond its strategy, as its record states it and its key names it: the
 * weighting (loss, how the weights act, their smoothing and bound, the epochs whose scores give
 * them) and the training variants that change the baseline too (learning-rate schedule, parameter
 * averaging). The source paper's is weighted cross-entropy on the loss, no smoothing, one warm-up
 * epoch, no bound, scores of the last epoch, a constant rate and no averaging.
 *
 * @param loss the loss spec
 * @param apply the weight application
 * @param weightEma the smoothing with the previous weights
 * @param uniformMix the uniform mix
 * @param warmupEpochs the unweighted first epochs (modes with a warm-up; 1 otherwise)
 * @param maxWeightRatio the bound on the weights, 0 for none
 * @param schedule the learning-rate schedule
 * @param averaging the parameter averaging spec
 * @param scoreEpochs the last epochs whose validation scores, averaged, give the weights
 */
public record Weighting(
        String loss,
        String apply,
        double weightEma,
        double uniformMix,
        int warmupEpochs,
        double maxWeightRatio,
        String schedule,
        String averaging,
        int scoreEpochs) {

    /** The loss of records that do not name one (schema 1), and of every baseline. */
    public static final String DEFAULT_LOSS = "ce";

    /** The weight application of records that do not name one (schema 1). */
    public static final String DEFAULT_APPLY = "loss";

    /** The schedule of records that do not name one. */
    public static final String DEFAULT_SCHEDULE = "constant";

    /** The averaging of records that do not name one. */
    public static final String DEFAULT_AVERAGING = "none";

    /**
     * The baseline's under a schedule and an averaging: the paper's weighting, since a baseline
     * weighs every class 1.
     *
     * @param schedule the schedule
     * @param averaging the averaging
     * @return the weighting
     */
    public static Weighting baseline(String schedule, String averaging) {
        return new Weighting(DEFAULT_LOSS, DEFAULT_APPLY, 0, 0, 1, 0, schedule, averaging, 1);
    }

    /**
     * Describes how this differs from the source paper's, for keys, arms and labels.
     *
     * @return e.g. {@code loss=focal:gamma=2;apply=sampling}, or empty for the paper's
     */
    public String variant() {
        List<String> parts = new ArrayList<>();
        if (!loss.equals(DEFAULT_LOSS)) {
            parts.add("loss=" + loss);
        }
        if (!apply.equals(DEFAULT_APPLY)) {
            parts.add("apply=" + apply);
        }
        if (weightEma != 0) {
            parts.add("ema=" + RunRecord.number(weightEma));
        }
        if (uniformMix != 0) {
            parts.add("mix=" + RunRecord.number(uniformMix));
        }
        if (warmupEpochs != 1) {
            parts.add("warmup=" + warmupEpochs);
        }
        if (maxWeightRatio != 0) {
            parts.add("max-ratio=" + RunRecord.number(maxWeightRatio));
        }
        if (scoreEpochs != 1) {
            parts.add("score-epochs=" + scoreEpochs);
        }
        if (!schedule.equals(DEFAULT_SCHEDULE)) {
            parts.add("schedule=" + schedule);
        }
        if (!averaging.equals(DEFAULT_AVERAGING)) {
            parts.add("averaging=" + averaging);
        }
        return String.join(";", parts);
    }

    /**
     * Returns the part of {@link #variant()} that the baseline shares: schedule and averaging.
     *
     * @return e.g. {@code schedule=cosine}, or empty
     */
    public String trainingVariant() {
        return baseline(schedule, averaging).variant();
    }
}

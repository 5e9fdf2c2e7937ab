package org.learnability.experiments.record;

import java.util.List;
import org.learnability.experiments.weighting.Weighting;

/**
 * Where a model stands in its experiment's design: the mode that made it, its strategy and round,
 * how its weights acted, and the weights.
 *
 * @param mode the mode that made it, e.g. {@code two-stage}
 * @param strategy the strategy spec; {@code uniform} for the baseline
 * @param round 0 for the baseline; 1 for the weighted model of two-stage and dynamic; 1 to R for
 *     the rounds of iterative
 * @param variant how its training differs from the source paper's, as its key names it ({@link
 *     ModelKey#variant}), e.g. {@code loss=focal:gamma=2;apply=sampling}, or empty
 * @param weighting how its weights acted: loss family, application, smoothing, bound, scoring
 *     window
 * @param weights the class weights the model trained with (dynamic: those of its last epoch)
 * @param epochWeights the weights of every epoch (dynamic mode; otherwise one entry per epoch, all
 *     equal)
 */
public record RunArm(
        String mode,
        String strategy,
        int round,
        String variant,
        Weighting weighting,
        List<Double> weights,
        List<List<Double>> epochWeights) {

    /**
     * The ending of the mode of a model that a mode makes as a part of its own (an ensemble's
     * members: {@code ensemble-member}): recorded, saved and reused as any model, but not an arm.
     */
    public static final String MEMBER_SUFFIX = "-member";

    /** Takes immutable copies. */
    public RunArm {
        weights = List.copyOf(weights);
        epochWeights = epochWeights.stream().map(List::copyOf).toList();
    }

    /**
     * Tells whether this model is a part of another mode's models ({@link #MEMBER_SUFFIX}), not an
     * arm of its own.
     *
     * @return whether its mode ends with {@value #MEMBER_SUFFIX}
     */
    public boolean member() {
        return mode.endsWith(MEMBER_SUFFIX);
    }
}

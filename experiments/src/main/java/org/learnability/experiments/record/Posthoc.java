package org.learnability.experiments.record;

import java.util.List;

/**
 * How a {@code posthoc} model predicts: the baseline's logits plus per-class offsets {@code b_c = T
 * ln(w_c)}, {@code T} chosen on the validation split; and the trade-off frontier of the same
 * offsets, {@code T} chosen at every accuracy budget.
 *
 * @param temperature T, the scale chosen
 * @param offsets b, one per class
 * @param frontier the offsets' trade-off frontier, a point per accuracy budget in ascending order;
 *     empty in records written before it was recorded
 */
public record Posthoc(double temperature, List<Double> offsets, List<FrontierPoint> frontier) {

    /** The name of its part in a record ({@link ModeParts}). */
    public static final String PART = "posthoc";

    /** Takes immutable copies; a record without a frontier reads with an empty one. */
    public Posthoc {
        offsets = List.copyOf(offsets);
        frontier = frontier == null ? List.of() : List.copyOf(frontier);
    }

    /**
     * The offsets without a frontier.
     *
     * @param temperature T, the scale chosen
     * @param offsets b, one per class
     */
    public Posthoc(double temperature, List<Double> offsets) {
        this(temperature, offsets, List.of());
    }
}

package org.learnability.experiments.record;

import java.util.List;

/**
 * How a {@code posthoc} model predicts: the baseline's logits plus per-class offsets {@code b_c = T
 * ln(w_c)}, {@code T} chosen on the validation split.
 *
 * @param temperature T, the scale chosen
 * @param offsets b, one per class
 */
public record Posthoc(double temperature, List<Double> offsets) {

    /** The name of its part in a record ({@link ModeParts}). */
    public static final String PART = "posthoc";

    /** Takes an immutable copy. */
    public Posthoc {
        offsets = List.copyOf(offsets);
    }
}

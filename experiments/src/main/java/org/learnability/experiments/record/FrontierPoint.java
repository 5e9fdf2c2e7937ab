package org.learnability.experiments.record;

/**
 * One point of a model's offsets trade-off frontier ({@link Posthoc#frontier()}): the offsets
 * {@code T ln(w_c)} whose {@code T} narrows the validation spread most while the validation
 * accuracy stays at most {@code budget} below that of the model without offsets, and what they give
 * on both splits.
 *
 * @param budget the validation accuracy the offsets may give up, a fraction (0.005 = half a point)
 * @param temperature T, the scale chosen within it
 * @param validationAccuracy the validation accuracy with the offsets
 * @param validationSd the sd of the validation TPRs with the offsets
 * @param testAccuracy the test accuracy with the offsets
 * @param testSd the sd of the test TPRs with the offsets
 */
public record FrontierPoint(
        double budget,
        double temperature,
        double validationAccuracy,
        double validationSd,
        double testAccuracy,
        double testSd) {}

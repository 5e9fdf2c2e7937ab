package org.learnability.experiments.record;

import java.util.Optional;

/**
 * A baseline too weak to weigh from: its validation accuracy below twice chance ({@code 2/C}), or a
 * class's validation TPR below {@value #MIN_TPR}. A strategy that weighs by score turns such a
 * class into a weight far above every other, and the weighted model tends to predict it for
 * everything.
 *
 * @param accuracy the baseline's validation accuracy
 * @param chance {@code 1/C}
 * @param worstClass the class with the lowest validation TPR
 * @param worstTpr its TPR
 */
public record WeakBaseline(double accuracy, double chance, String worstClass, double worstTpr) {

    /** A class TPR below this makes a baseline weak. */
    public static final double MIN_TPR = 0.1;

    /** Validation accuracy below this multiple of chance makes a baseline weak. */
    public static final double MIN_ACCURACY_OVER_CHANCE = 2;

    /**
     * Checks a baseline.
     *
     * @param baseline the baseline's record
     * @return what makes it weak, or empty
     */
    public static Optional<WeakBaseline> of(RunRecord baseline) {
        SplitScores validation = baseline.scores().validation();
        int worst = 0;
        for (int c = 1; c < validation.tpr().size(); c++) {
            if (validation.tpr().get(c) < validation.tpr().get(worst)) {
                worst = c;
            }
        }
        double chance = 1.0 / baseline.provenance().classNames().size();
        double worstTpr = validation.tpr().get(worst);
        boolean weak =
                validation.accuracy() < MIN_ACCURACY_OVER_CHANCE * chance || worstTpr < MIN_TPR;
        return weak
                ? Optional.of(
                        new WeakBaseline(
                                validation.accuracy(),
                                chance,
                                baseline.provenance().classNames().get(worst),
                                worstTpr))
                : Optional.empty();
    }

    /**
     * Says what is weak, e.g. {@code Shirt TPR 0.070 < 0.1}.
     *
     * @return the reason, in a few words
     */
    public String reason() {
        StringBuilder reason = new StringBuilder();
        if (accuracy < MIN_ACCURACY_OVER_CHANCE * chance) {
            reason.append(
                    String.format(
                            java.util.Locale.ROOT,
                            "accuracy %.3f < %.0f x chance (%.3f)",
                            accuracy,
                            MIN_ACCURACY_OVER_CHANCE,
                            MIN_ACCURACY_OVER_CHANCE * chance));
        }
        if (worstTpr < MIN_TPR) {
            if (reason.length() > 0) {
                reason.append(", ");
            }
            reason.append(
                    String.format(
                            java.util.Locale.ROOT,
                            "%s TPR %.3f < %.1f",
                            worstClass,
                            worstTpr,
                            MIN_TPR));
        }
        return reason.toString();
    }
}

package org.learnability.runner.loss;

import java.math.BigDecimal;

/**
 * Label smoothing of the training targets (Szegedy et al., "Rethinking the Inception Architecture
 * for Computer Vision", CVPR 2016, section 7): the one-hot target of a sample of class {@code y}
 * over {@code C} classes becomes
 *
 * <pre>
 *   q_c  = (1 - eps) * [c = y] + eps / C
 *   l_i  = -sum_c q_c * log softmax(x_i)_c
 *   loss = sum_i w[y_i] * l_i / sum_i w[y_i]
 * </pre>
 *
 * the class weights keeping their convention: a sample weighs by its true class, whatever its
 * smoothed target. With {@code eps = 0} the loss is today's, computed the same way. PyTorch's
 * {@code CrossEntropyLoss(weight=w, label_smoothing=eps)} weighs the smoothing term of sample
 * {@code i} by {@code w[c]} of every class instead; here the whole sample weighs {@code w[y_i]}.
 *
 * @param epsilon the mass moved from the true class to all classes alike, in [0, 1)
 */
public record LabelSmoothing(double epsilon) {

    /** No smoothing: today's targets. */
    public static final LabelSmoothing NONE = new LabelSmoothing(0);

    /** Validates the record. */
    public LabelSmoothing {
        if (!(epsilon >= 0 && epsilon < 1)) {
            throw new IllegalArgumentException(
                    "--label-smoothing is " + epsilon + "; expected a number in [0, 1)");
        }
    }

    /**
     * Parses a value as written on a command line.
     *
     * @param text the smoothing, e.g. {@code 0.1}; {@code 0} or {@code none} for none
     * @return the smoothing
     * @throws IllegalArgumentException naming what is wrong and what is valid
     */
    public static LabelSmoothing parse(String text) {
        String trimmed = text == null ? "" : text.trim();
        if (trimmed.equalsIgnoreCase("none")) {
            return NONE;
        }
        try {
            return new LabelSmoothing(Double.parseDouble(trimmed));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(
                    "label smoothing '" + text + "'; expected a number in [0, 1)", e);
        }
    }

    /** Returns true if this changes nothing. */
    public boolean isNone() {
        return epsilon == 0;
    }

    /**
     * Returns the smoothing as {@link #parse} reads it.
     *
     * @return e.g. {@code 0} or {@code 0.1}
     */
    @Override
    public String toString() {
        return BigDecimal.valueOf(epsilon).stripTrailingZeros().toPlainString();
    }
}

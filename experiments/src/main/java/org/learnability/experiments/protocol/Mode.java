package org.learnability.experiments.protocol;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** How the weighted models of an experiment are trained. */
public enum Mode {
    /**
     * The source paper's Algorithm 1: weights from the baseline's validation scores, then one
     * weighted model.
     */
    TWO_STAGE,
    /**
     * R rounds: the weights of round r come from the validation scores and the weights of round r -
     * 1 (round 0 is the baseline); every round trains a model from scratch.
     */
    ITERATIVE,
    /** One weighted model whose weights are recomputed from validation scores after every epoch. */
    DYNAMIC;

    /**
     * Returns the name used on the command line and in records.
     *
     * @return {@code two-stage}, {@code iterative} or {@code dynamic}
     */
    public String id() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /**
     * Parses a mode name.
     *
     * @param text the name
     * @return the mode
     */
    public static Mode parse(String text) {
        for (Mode mode : values()) {
            if (mode.id().equals(text)) {
                return mode;
            }
        }
        throw new IllegalArgumentException(
                "unknown mode '"
                        + text
                        + "'; expected one of "
                        + Arrays.stream(values()).map(Mode::id).collect(Collectors.joining(", ")));
    }

    @Override
    public String toString() {
        return id();
    }
}

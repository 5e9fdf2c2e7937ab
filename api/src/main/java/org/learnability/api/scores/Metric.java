package org.learnability.api.scores;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** A per-class score that a strategy can weight by. */
public enum Metric {
    /** True-positive rate, TP / (TP + FN): per-class recall. */
    TPR,
    /** Precision, TP / (TP + FP). */
    PRECISION,
    /** F1, the harmonic mean of precision and TPR. */
    F1;

    /**
     * Returns the name used on command lines and in files.
     *
     * @return {@code tpr}, {@code precision} or {@code f1}
     */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Parses a metric name as written on a command line.
     *
     * @param id {@code tpr}, {@code precision} or {@code f1}
     * @return the metric
     */
    public static Metric parse(String id) {
        for (Metric m : values()) {
            if (m.id().equals(id)) {
                return m;
            }
        }
        throw new IllegalArgumentException(
                "unknown metric '"
                        + id
                        + "'; expected one of "
                        + Arrays.stream(values())
                                .map(Metric::id)
                                .collect(Collectors.joining(", ")));
    }
}

package org.learnability.experiments.protocol;

import java.util.Locale;

/**
 * Which models a run saves into its experiment directory ({@link ModelStore}): an option of the
 * run, not of the plan, since it changes no model and no figure.
 */
public enum SaveModels {
    /** Every baseline, which later runs load instead of training it again (the default). */
    BASELINES,
    /** Every model that trains (baselines, weighted models, fine-tunes); derived ones have none. */
    ALL,
    /** None. */
    NONE;

    /**
     * Tells whether a model is saved.
     *
     * @param baseline whether it is a baseline
     * @return {@code true} if this policy saves it
     */
    public boolean saves(boolean baseline) {
        return this == ALL || (this == BASELINES && baseline);
    }

    /**
     * Parses a name as a command line writes it.
     *
     * @param text {@code baselines}, {@code all} or {@code none}
     * @return the policy
     */
    public static SaveModels parse(String text) {
        for (SaveModels s : values()) {
            if (s.toString().equals(text == null ? null : text.trim().toLowerCase(Locale.ROOT))) {
                return s;
            }
        }
        throw new IllegalArgumentException(
                "--save-models is '" + text + "'; expected baselines, all or none");
    }

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}

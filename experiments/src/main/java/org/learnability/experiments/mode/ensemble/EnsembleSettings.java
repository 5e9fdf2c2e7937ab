package org.learnability.experiments.mode.ensemble;

import org.learnability.experiments.setting.Setting;
import org.learnability.experiments.setting.Settings;

/**
 * The {@code ensemble} mode's option: how many models it averages.
 *
 * @param ensembleSize K, the baseline and K - 1 models trained from other initialisations
 */
public record EnsembleSettings(
        @Setting(
                        order = 37,
                        identity = false,
                        label = "K",
                        since = "2",
                        help =
                                "Models the ensemble mode averages: the baseline and K - 1 more of"
                                        + " its recipe from other initialisations (1: the"
                                        + " baseline itself).")
                int ensembleSize) {

    /** The declared default, which a model's key leaves out. */
    static final int DEFAULT = Settings.defaults(EnsembleSettings.class).ensembleSize();

    /** Checks the value, naming the option. */
    public EnsembleSettings {
        if (ensembleSize < 1) {
            throw new IllegalArgumentException(
                    "--ensemble-size is " + ensembleSize + "; expected a whole number >= 1");
        }
    }

    /**
     * Describes how this differs from the default, for model keys.
     *
     * @return e.g. {@code ensemble-size=3}, or empty for the default
     */
    public String variant() {
        return ensembleSize == DEFAULT ? "" : "ensemble-size=" + ensembleSize;
    }
}

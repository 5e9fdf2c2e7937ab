package org.learnability.experiments.control;

import org.learnability.experiments.setting.OptionGroups;
import org.learnability.experiments.setting.Setting;

/**
 * Whether an experiment trains the compute-matched controls of its arms ({@link ComputeControl}):
 * an unweighted model of the baseline's recipe trained from scratch as long as an arm's models cost
 * in all, once per seed and length.
 *
 * @param controls whether every seed trains them
 */
public record ControlSettings(
        @Setting(
                        order = 45,
                        identity = false,
                        since = "false",
                        help =
                                "Also train, for every seed, each arm's compute-matched control:"
                                        + " the baseline's recipe, unweighted, from scratch, for as"
                                        + " many epochs as the arm's models cost in all (the"
                                        + " two-stage mode: 2 x --epochs); one per length, shared"
                                        + " by every arm of that cost.")
                boolean controls) {

    /**
     * Returns the value a plan's option groups hold, or the declared default where they hold none
     * (a plan made without the application's schema).
     *
     * @param options the plan's option groups
     * @return the settings
     */
    public static ControlSettings of(OptionGroups options) {
        return options.getOrDefaults(ControlSettings.class);
    }
}

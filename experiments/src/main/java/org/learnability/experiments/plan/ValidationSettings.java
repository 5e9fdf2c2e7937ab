package org.learnability.experiments.plan;

import org.learnability.experiments.setting.OptionGroups;
import org.learnability.experiments.setting.Setting;

/**
 * Whether every model scores the validation split after each of its epochs (its record's per-epoch
 * scores, the report's epoch chart and the spread's swing) or only once, after training. A mode
 * whose weights follow the epochs' scores ({@code dynamic}) scores them either way; {@code
 * --score-epochs} above 1 needs them. Off, a model trains faster by the time of one validation
 * scoring per epoch: measured 1.03x for {@code resnet-peifer-nhwc} on CIFAR-10 with the test-time
 * flip (479 against 493 s for 7 epochs; docs/results.md, the {@code fast} preset's ablation).
 *
 * @param validateEveryEpoch whether every epoch is scored
 */
public record ValidationSettings(
        @Setting(
                        order = 31,
                        identity = false,
                        since = "true",
                        help =
                                "Score the validation split after every epoch (the epoch chart,"
                                        + " --score-epochs above 1); --no-validate-every-epoch"
                                        + " scores it once, after training, where no mode needs"
                                        + " the epochs' scores.")
                boolean validateEveryEpoch) {

    /**
     * Returns the value a plan's option groups hold, or the declared default where they hold none
     * (a plan made without the application's schema).
     *
     * @param options the plan's option groups
     * @return the settings
     */
    public static ValidationSettings of(OptionGroups options) {
        return options.getOrDefaults(ValidationSettings.class);
    }
}

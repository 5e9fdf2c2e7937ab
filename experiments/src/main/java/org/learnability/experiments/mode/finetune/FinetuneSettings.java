package org.learnability.experiments.mode.finetune;

import org.learnability.experiments.record.Finetune;
import org.learnability.experiments.setting.Setting;
import org.learnability.experiments.setting.Settings;

/**
 * The {@code finetune} mode's options: how far the baseline is trained on with the weights.
 *
 * @param finetuneEpochs the epochs a fine-tune trains on top of the baseline
 * @param finetuneLr the fine-tune's constant learning rate
 */
public record FinetuneSettings(
        @Setting(
                        order = 31,
                        identity = false,
                        label = "K",
                        since = "1",
                        help =
                                "Epochs the finetune mode trains the baseline further with the"
                                        + " weighted loss, a fresh optimizer at --finetune-lr; 0"
                                        + " gives the baseline's figures.")
                int finetuneEpochs,
        @Setting(
                        order = 32,
                        identity = false,
                        label = "RATE",
                        since = "0.0001",
                        help =
                                "Constant learning rate of the finetune mode; Fine-tuning the"
                                        + " baseline in docs/modes-and-interventions.md compares"
                                        + " rates.")
                double finetuneLr) {

    /** The declared defaults, which a model's key leaves out. */
    private static final Finetune DEFAULTS = Settings.defaults(FinetuneSettings.class).part();

    /** Checks the values, naming the option at fault. */
    public FinetuneSettings {
        new Finetune(finetuneEpochs, finetuneLr);
    }

    /**
     * Returns what a fine-tuned model's record says of its fine-tuning.
     *
     * @return the epochs and the learning rate
     */
    public Finetune part() {
        return new Finetune(finetuneEpochs, finetuneLr);
    }

    /**
     * Describes how these options differ from the declared defaults, for model keys.
     *
     * @return e.g. {@code finetune-epochs=3}, or empty for the defaults
     */
    public String variant() {
        return part().variant(DEFAULTS);
    }
}

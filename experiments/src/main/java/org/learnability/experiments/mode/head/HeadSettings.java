package org.learnability.experiments.mode.head;

import org.learnability.experiments.record.HeadRetraining;
import org.learnability.experiments.setting.Setting;
import org.learnability.experiments.setting.Settings;

/**
 * The {@code head} mode's options, declared once: what its re-trained layer trains on, where it
 * starts, the most epochs for each L2, and Adam's rate ({@link HeadRetraining}, which its records
 * hold).
 *
 * @param headData what it trains on
 * @param headInit where the layer starts
 * @param headEpochs the most epochs tried for each L2; 0 for the baseline's layer as it is
 * @param headLr Adam's learning rate
 */
public record HeadSettings(
        @Setting(
                        order = 33,
                        identity = false,
                        label = "DATA",
                        since = "\"holdout\"",
                        help =
                                "What the head mode re-trains the final dense layer on: holdout"
                                        + " (one stratified half of the validation split, the"
                                        + " other half judges it) or train (the training split,"
                                        + " the whole validation split judges it).")
                HeadRetraining.Data headData,
        @Setting(
                        order = 34,
                        identity = false,
                        label = "FROM",
                        since = "\"baseline\"",
                        help =
                                "Where the head mode's dense layer starts: baseline (the"
                                        + " baseline's own layer) or zero.")
                HeadRetraining.Init headInit,
        @Setting(
                        order = 35,
                        identity = false,
                        label = "N",
                        since = "10",
                        help =
                                "Most epochs the head mode trains the dense layer for each L2 of"
                                        + " 0, 1e-4, 1e-3, 1e-2; epochs and L2 are chosen on the"
                                        + " validation images it did not see; 0 keeps the"
                                        + " baseline's layer.")
                int headEpochs,
        @Setting(
                        order = 36,
                        identity = false,
                        label = "RATE",
                        since = "0.001",
                        help = "Learning rate of the head mode's Adam.")
                double headLr) {

    /** The declared defaults, which a model's key leaves out. */
    private static final HeadRetraining DEFAULTS =
            Settings.defaults(HeadSettings.class).retraining();

    /**
     * Checks the values, naming the option at fault: a layer started at zero and never trained
     * scores every class alike (chance level), so it is refused.
     */
    public HeadSettings {
        retraining(headData, headInit, headEpochs, headLr);
        if (headInit == HeadRetraining.Init.ZERO && headEpochs == 0) {
            throw new IllegalArgumentException(
                    "--head-init zero with --head-epochs 0 keeps a layer of zeros, which scores"
                            + " every class alike; give --head-epochs 1 or more, or --head-init"
                            + " baseline");
        }
    }

    /**
     * Returns what a model's record says of the re-training.
     *
     * @return the values
     */
    public HeadRetraining retraining() {
        return retraining(headData, headInit, headEpochs, headLr);
    }

    private static HeadRetraining retraining(
            HeadRetraining.Data data, HeadRetraining.Init init, int epochs, double lr) {
        return new HeadRetraining(data, init, epochs, lr);
    }

    /**
     * Describes how these options differ from the declared defaults, for model keys.
     *
     * @return e.g. {@code head-data=train;head-epochs=20}, or empty for the defaults
     */
    public String variant() {
        return retraining().variant(DEFAULTS);
    }
}

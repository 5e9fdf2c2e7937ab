package org.learnability.experiments.mode.minimax;

import java.util.ArrayList;
import java.util.List;
import org.learnability.experiments.setting.Setting;
import org.learnability.experiments.setting.Settings;
import org.learnability.experiments.weighting.Weighting;

/**
 * The {@code minimax} mode's options, declared once ({@link MinimaxMode}): a step of 1 on error
 * rates in [0, 1] (an error gap of 0.1 moves q by about 10% an update), half uniform weight (no
 * class below half the mean weight), an update every epoch, a tenth of the training split held out.
 * Step and mix were measured on Fashion-MNIST (eta 0.3, 1, 3 by mix 0.25, 0.5, 5 seeds,
 * docs/results.md): no point narrowed the validation spread within half a point of accuracy, so
 * these stay.
 *
 * @param minimaxEta the exponentiated-gradient step size
 * @param minimaxMix the share of uniform weight mixed in
 * @param minimaxInterval the epochs between two updates of the weights
 * @param minimaxHoldout the share of every class's training images held out to measure the errors
 */
public record MinimaxSettings(
        @Setting(
                        order = 40,
                        identity = false,
                        label = "ETA",
                        since = "1",
                        help =
                                "Step size of the minimax mode's exponentiated-gradient step on"
                                        + " the classes' held-out error rates: q_c <- q_c"
                                        + " exp(ETA err_c), normalised.")
                double minimaxEta,
        @Setting(
                        order = 41,
                        identity = false,
                        label = "A",
                        since = "0.5",
                        help =
                                "Share of uniform weight in the minimax mode's weights: w_c ="
                                        + " (1-A) C q_c + A, A in (0, 1]; 1 keeps every weight 1.")
                double minimaxMix,
        @Setting(
                        order = 42,
                        identity = false,
                        label = "N",
                        since = "1",
                        help =
                                "Epochs between two updates of the minimax mode's weights, below"
                                        + " --epochs.")
                int minimaxInterval,
        @Setting(
                        order = 43,
                        identity = false,
                        label = "SHARE",
                        since = "0.1",
                        help =
                                "Share of every class's training images the minimax mode holds"
                                        + " out of its training to measure the errors on, in (0,"
                                        + " 0.5].")
                double minimaxHoldout) {

    /** Checks the values, naming the option at fault. */
    public MinimaxSettings {
        if (!(minimaxEta >= 0 && Double.isFinite(minimaxEta))) {
            throw new IllegalArgumentException(
                    "--minimax-eta is " + minimaxEta + "; expected a number >= 0");
        }
        if (!(minimaxMix > 0 && minimaxMix <= 1)) {
            throw new IllegalArgumentException(
                    "--minimax-mix is "
                            + minimaxMix
                            + "; expected a number in (0, 1] (0 would let a class's weight reach"
                            + " 0)");
        }
        if (minimaxInterval < 1) {
            throw new IllegalArgumentException(
                    "--minimax-interval is " + minimaxInterval + "; expected a whole number >= 1");
        }
        if (!(minimaxHoldout > 0 && minimaxHoldout <= 0.5)) {
            throw new IllegalArgumentException(
                    "--minimax-holdout is " + minimaxHoldout + "; expected a number in (0, 0.5]");
        }
    }

    /**
     * Describes how these options differ from the declared defaults, for model keys.
     *
     * @return e.g. {@code minimax-eta=2;minimax-mix=0.25}, or empty for the defaults
     */
    public String variant() {
        MinimaxSettings defaults = Settings.defaults(MinimaxSettings.class);
        List<String> parts = new ArrayList<>();
        if (minimaxEta != defaults.minimaxEta) {
            parts.add("minimax-eta=" + Weighting.number(minimaxEta));
        }
        if (minimaxMix != defaults.minimaxMix) {
            parts.add("minimax-mix=" + Weighting.number(minimaxMix));
        }
        if (minimaxInterval != defaults.minimaxInterval) {
            parts.add("minimax-interval=" + minimaxInterval);
        }
        if (minimaxHoldout != defaults.minimaxHoldout) {
            parts.add("minimax-holdout=" + Weighting.number(minimaxHoldout));
        }
        return String.join(";", parts);
    }

    /**
     * Tells whether the weights are updated after an epoch: every {@code interval} epochs, never
     * after the last (no epoch would train with them).
     *
     * @param epoch the epoch that ended, from 0
     * @param epochs the training's epochs
     * @return {@code true} if the held-out errors give the next epoch's weights
     */
    public boolean updatesAfter(int epoch, int epochs) {
        return epoch < epochs - 1 && (epoch + 1) % minimaxInterval == 0;
    }
}

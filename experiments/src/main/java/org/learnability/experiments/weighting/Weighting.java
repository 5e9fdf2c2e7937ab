package org.learnability.experiments.weighting;

import java.util.ArrayList;
import java.util.List;
import org.learnability.api.strategy.StrategySpec;
import org.learnability.api.weights.ClassWeights;
import org.learnability.experiments.setting.Setting;
import org.learnability.runner.loss.LossChoice;
import org.learnability.runner.training.WeightApplication;

/**
 * How a strategy's weights act on a model: the loss family they multiply, whether they act on the
 * loss or on the sampling, how recomputed weights are smoothed ({@link WeightSmoothing}), the bound
 * on their spread ({@link WeightBound}), and the last epochs whose validation scores, averaged,
 * give them. One value that the plan, the modes and the records share; {@link #variant()} is the
 * only place it becomes a string. The source paper's ({@link #PAPER}) is weighted cross-entropy on
 * the loss, no smoothing, one warm-up epoch, no bound, scores of the last epoch.
 *
 * @param loss the loss family spec of the weighted models
 * @param apply how the weights act
 * @param weightEma B of the smoothing with the previous weights
 * @param uniformMix A, the share of uniform weight mixed in
 * @param warmupEpochs the unweighted first epochs of modes with a warm-up (1 otherwise)
 * @param maxWeightRatio R of the bound, 0 for none
 * @param scoreEpochs the last epochs whose validation scores, averaged, give the weights
 */
public record Weighting(
        @Setting(
                        order = 18,
                        label = "SPEC",
                        since = "\"ce\"",
                        help =
                                "Loss family of the weighted models: ${bundle:losses}; e.g."
                                        + " focal:gamma=2; the baseline always trains with ce.")
                StrategySpec loss,
        @Setting(
                        order = 19,
                        label = "HOW",
                        since = "\"loss\"",
                        help =
                                "How weights act: loss, sampling (each epoch drawn by class"
                                        + " weight, loss unweighted) or both.")
                WeightApplication apply,
        @Setting(
                        order = 20,
                        label = "B",
                        since = "0",
                        help =
                                "New weights = normalise(B x previous + (1-B) x strategy's), B in"
                                        + " [0, 1).")
                double weightEma,
        @Setting(
                        order = 21,
                        label = "A",
                        since = "0",
                        help = "Weights = normalise((1-A) x w + A), A in [0, 1).")
                double uniformMix,
        @Setting(
                        order = 22,
                        label = "K",
                        since = "1",
                        help = "Unweighted first epochs of dynamic, below --epochs.")
                int warmupEpochs,
        @Setting(
                        order = 24,
                        label = "R",
                        since = "0",
                        words = "none=0",
                        help =
                                "Bound on the weights after the strategy and smoothing:"
                                        + " largest/smallest at most R (clipped in log space"
                                        + " around the geometric mean); 0 or none for no bound.")
                double maxWeightRatio,
        @Setting(
                        order = 27,
                        label = "K",
                        since = "1",
                        help =
                                "Weights from the validation scores of the last K epochs,"
                                        + " averaged, 1 to --epochs.")
                int scoreEpochs) {

    /** The source paper's weighting. */
    public static final Weighting PAPER =
            new Weighting(LossChoice.CROSS_ENTROPY.spec(), WeightApplication.LOSS, 0, 0, 1, 0, 1);

    /** Validates every part, naming the option at fault. */
    public Weighting {
        if (loss == null || apply == null) {
            throw new IllegalArgumentException("the loss and the weight application must be given");
        }
        smoothing(weightEma, uniformMix, warmupEpochs);
        new WeightBound(maxWeightRatio);
        if (scoreEpochs < 1) {
            throw new IllegalArgumentException(
                    "--score-epochs is " + scoreEpochs + "; expected a whole number >= 1");
        }
    }

    /**
     * Checks the parts that depend on the training: the scoring window within the epochs, and a
     * warm-up below them where a mode has one.
     *
     * @param epochs the training epochs
     * @param warmupMatters whether a mode of the plan has unweighted first epochs
     * @throws IllegalArgumentException naming the option at fault
     */
    public void check(int epochs, boolean warmupMatters) {
        if (scoreEpochs > epochs) {
            throw new IllegalArgumentException(
                    "--score-epochs is "
                            + scoreEpochs
                            + "; expected a whole number from 1 to --epochs ("
                            + epochs
                            + ")");
        }
        if (warmupMatters && warmupEpochs >= epochs) {
            throw new IllegalArgumentException(
                    "--warmup-epochs is "
                            + warmupEpochs
                            + "; expected a whole number below --epochs ("
                            + epochs
                            + ")");
        }
    }

    private static WeightSmoothing smoothing(double ema, double mix, int warmup) {
        return new WeightSmoothing(ema, mix, warmup);
    }

    /**
     * Returns the smoothing of recomputed weights.
     *
     * @return B, A and the warm-up
     */
    public WeightSmoothing smoothing() {
        return smoothing(weightEma, uniformMix, warmupEpochs);
    }

    /**
     * Returns the bound on the weights' spread.
     *
     * @return R
     */
    public WeightBound bound() {
        return new WeightBound(maxWeightRatio);
    }

    /**
     * Turns a strategy's weights into those a model uses: smoothed with the weights in force
     * before, then bounded. Every mode weighs through this.
     *
     * @param previous the weights in force before (all 1 at first)
     * @param proposed the strategy's weights
     * @return the weights to use
     */
    public ClassWeights weights(ClassWeights previous, ClassWeights proposed) {
        return bound().apply(smoothing().apply(previous, proposed));
    }

    /**
     * Tells whether a weighted {@code uniform} under this weighting is the baseline again: the
     * paper's loss and application and no smoothing.
     *
     * @return {@code true} if it is
     */
    public boolean weighsLikeBaseline() {
        return loss.equals(PAPER.loss) && apply == PAPER.apply && !smoothing().smooths();
    }

    /**
     * Returns this weighting as a mode uses it: a mode that trains nothing keeps the paper's loss
     * and application; the warm-up counts only for a mode that has one.
     *
     * @param trains whether the mode trains its models
     * @param warmup whether it has unweighted first epochs
     * @return the weighting of the mode's models
     */
    public Weighting in(boolean trains, boolean warmup) {
        return new Weighting(
                trains ? loss : PAPER.loss,
                trains ? apply : PAPER.apply,
                weightEma,
                uniformMix,
                trains && warmup ? warmupEpochs : PAPER.warmupEpochs,
                maxWeightRatio,
                scoreEpochs);
    }

    /**
     * Describes how this differs from the source paper's, for keys, arms and labels.
     *
     * @return e.g. {@code loss=focal:gamma=2;apply=sampling}, or empty for the paper's
     */
    public String variant() {
        List<String> parts = new ArrayList<>();
        if (!loss.equals(PAPER.loss)) {
            parts.add("loss=" + loss);
        }
        if (apply != PAPER.apply) {
            parts.add("apply=" + apply);
        }
        if (weightEma != 0) {
            parts.add("ema=" + number(weightEma));
        }
        if (uniformMix != 0) {
            parts.add("mix=" + number(uniformMix));
        }
        if (warmupEpochs != PAPER.warmupEpochs) {
            parts.add("warmup=" + warmupEpochs);
        }
        if (maxWeightRatio != 0) {
            parts.add("max-ratio=" + number(maxWeightRatio));
        }
        if (scoreEpochs != PAPER.scoreEpochs) {
            parts.add("score-epochs=" + scoreEpochs);
        }
        return String.join(";", parts);
    }

    /**
     * Writes a number as keys and labels do: no trailing zeros, no exponent.
     *
     * @param value the number
     * @return e.g. {@code 5} or {@code 0.5}
     */
    public static String number(double value) {
        return java.math.BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }
}

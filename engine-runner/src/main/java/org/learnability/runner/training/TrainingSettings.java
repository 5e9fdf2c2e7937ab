package org.learnability.runner.training;

import org.learnability.runner.loss.LabelSmoothing;
import org.learnability.runner.loss.LossChoice;

/**
 * How a model is trained.
 *
 * @param optimizer Adam, SGD with momentum, SGD with Nesterov momentum, or AdamW
 * @param learningRate the base learning rate, &gt; 0
 * @param momentum the momentum of SGD and Nesterov, in [0, 1) (&gt; 0 for Nesterov); unused by Adam
 *     and AdamW
 * @param weightDecay weight decay, &gt;= 0: L2 on the gradient for Adam, SGD and Nesterov,
 *     decoupled for AdamW ({@link Optimizer})
 * @param epochs passes over the training split, &gt;= 1
 * @param batchSize samples per batch, &gt;= 1
 * @param schedule how the learning rate changes over the run (after the warm-up)
 * @param seed fixes initialisation, shuffling, sampling, dropout and augmentation
 * @param loss the loss family and its parameters
 * @param apply how the class weights act: on the loss, the sampling, or both
 * @param averaging how the parameters are averaged over the training; the average is what is scored
 * @param warmup the linear learning-rate warm-up before the schedule; none by default
 * @param labelSmoothing the smoothing of the training targets; none by default, and only for the
 *     losses that take it
 */
public record TrainingSettings(
        Optimizer optimizer,
        double learningRate,
        double momentum,
        double weightDecay,
        int epochs,
        int batchSize,
        Schedule schedule,
        int seed,
        LossChoice loss,
        WeightApplication apply,
        Averaging averaging,
        Warmup warmup,
        LabelSmoothing labelSmoothing) {

    /**
     * The optimizers, with the update of a parameter {@code w} from its gradient {@code g} at rate
     * {@code lr} (the schedule's, per update), momentum {@code mu} and weight decay {@code wd}.
     */
    public enum Optimizer {
        /**
         * Adam (Kingma and Ba, 2015), the default; weight decay as L2, {@code g = g + wd w}, before
         * the moments. DJL's {@link ai.djl.training.optimizer.Adam}.
         */
        ADAM,
        /**
         * Stochastic gradient descent with momentum: {@code v = mu v + lr (g + wd w); w = w - v}.
         * DJL's {@link ai.djl.training.optimizer.Sgd}.
         */
        SGD,
        /**
         * SGD with Nesterov momentum (Sutskever et al., "On the importance of initialization and
         * momentum in deep learning", ICML 2013), as PyTorch's {@code SGD(nesterov=True)}: {@code
         * g' = g + wd w; b = mu b + g'; w = w - lr (g' + mu b)}. {@link NesterovSgd}: DJL's {@link
         * ai.djl.training.optimizer.Nag} has no PyTorch implementation.
         */
        NESTEROV,
        /**
         * Adam with decoupled weight decay (Loshchilov and Hutter, "Decoupled Weight Decay
         * Regularization", ICLR 2019), as PyTorch's {@code AdamW}: {@code m = b1 m + (1 - b1) g; v
         * = b2 v + (1 - b2) g^2; w = w - lr wd w - lr sqrt(1 - b2^t) / (1 - b1^t) m / (sqrt(v) +
         * eps)}, b1 = 0.9, b2 = 0.999, eps = 1e-8. DJL's {@link ai.djl.training.optimizer.AdamW}.
         */
        ADAMW;

        /**
         * Parses a name as written on a command line.
         *
         * @param text {@code adam}, {@code sgd}, {@code nesterov} or {@code adamw}
         * @return the optimizer
         */
        public static Optimizer parse(String text) {
            return EnumNames.parse(Optimizer.class, "optimizer", text);
        }
    }

    /** Learning-rate schedules over all the updates of a run. */
    public enum Schedule {
        /** The same rate throughout. */
        CONSTANT,
        /** Cosine decay from the base rate to 0 over the run. */
        COSINE,
        /** The rate times 0.1 at 50% and again at 75% of the run. */
        STEP,
        /**
         * Linear decay from the base rate to 0 over the run, {@code lr (1 - t / T)}: DJL's {@link
         * ai.djl.training.tracker.PolynomialDecayTracker} of power 1.
         */
        LINEAR;

        /**
         * Parses a name as written on a command line.
         *
         * @param text {@code constant}, {@code cosine}, {@code step} or {@code linear}
         * @return the schedule
         */
        public static Schedule parse(String text) {
            return EnumNames.parse(Schedule.class, "schedule", text);
        }
    }

    /**
     * Validates every field, naming the one at fault by the command-line option that sets it
     * ({@code --lr}, {@code --momentum}, ...), as {@code run} and {@code bench} call them.
     */
    public TrainingSettings {
        if (optimizer == null
                || schedule == null
                || loss == null
                || apply == null
                || averaging == null
                || warmup == null
                || labelSmoothing == null) {
            throw new IllegalArgumentException(
                    "optimizer, schedule, loss, weight application, averaging, warm-up and label"
                            + " smoothing must be given");
        }
        check(
                learningRate > 0 && Double.isFinite(learningRate),
                "--lr",
                learningRate,
                "a number > 0");
        check(momentum >= 0 && momentum < 1, "--momentum", momentum, "a number in [0, 1)");
        check(
                weightDecay >= 0 && Double.isFinite(weightDecay),
                "--weight-decay",
                weightDecay,
                "a number >= 0");
        check(epochs >= 1, "--epochs", epochs, "a whole number >= 1");
        check(batchSize >= 1, "--batch-size", batchSize, "a whole number >= 1");
        check(
                optimizer != Optimizer.NESTEROV || momentum > 0,
                "--momentum",
                momentum,
                "a number in (0, 1) for Nesterov momentum");
        averaging.check(epochs);
        loss.requireTakes(labelSmoothing);
    }

    /**
     * The defaults, the initial values of a {@link TrainingSettingsBuilder}: Adam, learning rate
     * 1e-3 (momentum 0.9, used only if the optimizer becomes SGD or Nesterov), no weight decay, 10
     * epochs, batch 128, constant rate, seed 0, weighted cross-entropy, weights on the loss, no
     * averaging, no warm-up, no label smoothing.
     *
     * @return the defaults
     */
    public static TrainingSettings defaults() {
        return builder().build();
    }

    /**
     * Returns a builder that starts from the {@link #defaults()}.
     *
     * @return the builder
     */
    public static TrainingSettingsBuilder builder() {
        return new TrainingSettingsBuilder();
    }

    /**
     * Returns a builder that starts from these settings, so that a change names only what changes.
     *
     * @return the builder
     */
    public TrainingSettingsBuilder toBuilder() {
        return new TrainingSettingsBuilder(this);
    }

    /**
     * Returns these settings with another number of epochs.
     *
     * @param value the epochs
     * @return the new settings
     */
    public TrainingSettings withEpochs(int value) {
        return toBuilder().epochs(value).build();
    }

    /**
     * Returns these settings with another batch size.
     *
     * @param value the batch size
     * @return the new settings
     */
    public TrainingSettings withBatchSize(int value) {
        return toBuilder().batchSize(value).build();
    }

    /**
     * Returns these settings with another seed.
     *
     * @param value the seed
     * @return the new settings
     */
    public TrainingSettings withSeed(int value) {
        return toBuilder().seed(value).build();
    }

    /**
     * Returns these settings with another loss and weight application.
     *
     * @param lossValue the loss
     * @param applyValue how the weights act
     * @return the new settings
     */
    public TrainingSettings withWeighting(LossChoice lossValue, WeightApplication applyValue) {
        return toBuilder().loss(lossValue).apply(applyValue).build();
    }

    /**
     * Returns these settings with another averaging.
     *
     * @param value the averaging
     * @return the new settings
     */
    public TrainingSettings withAveraging(Averaging value) {
        return toBuilder().averaging(value).build();
    }

    /**
     * Returns these settings with another optimizer.
     *
     * @param value the optimizer
     * @param learningRateValue its base learning rate
     * @param momentumValue its momentum (SGD, Nesterov)
     * @param weightDecayValue its weight decay
     * @return the new settings
     */
    public TrainingSettings withOptimizer(
            Optimizer value,
            double learningRateValue,
            double momentumValue,
            double weightDecayValue) {
        return toBuilder()
                .optimizer(value)
                .learningRate(learningRateValue)
                .momentum(momentumValue)
                .weightDecay(weightDecayValue)
                .build();
    }

    /**
     * Returns these settings with another learning-rate schedule and warm-up; a {@link Warmup}
     * followed by {@link Schedule#COSINE} or {@link Schedule#LINEAR} is the one-cycle policy.
     *
     * @param value the schedule after the warm-up
     * @param warmupValue the warm-up
     * @return the new settings
     */
    public TrainingSettings withSchedule(Schedule value, Warmup warmupValue) {
        return toBuilder().schedule(value).warmup(warmupValue).build();
    }

    /**
     * Returns these settings with another label smoothing.
     *
     * @param value the smoothing; the loss must take it unless it is none
     * @return the new settings
     */
    public TrainingSettings withLabelSmoothing(LabelSmoothing value) {
        return toBuilder().labelSmoothing(value).build();
    }

    private static void check(boolean ok, String what, Object value, String expected) {
        if (!ok) {
            throw new IllegalArgumentException(what + " is " + value + "; expected " + expected);
        }
    }
}

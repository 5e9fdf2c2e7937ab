package org.learnability.runner.training;

import java.util.Locale;
import org.learnability.runner.loss.LossChoice;

/**
 * How a model is trained.
 *
 * @param optimizer Adam or SGD with momentum
 * @param learningRate the base learning rate, &gt; 0
 * @param momentum SGD's momentum, in [0, 1)
 * @param weightDecay L2 weight decay, &gt;= 0
 * @param epochs passes over the training split, &gt;= 1
 * @param batchSize samples per batch, &gt;= 1
 * @param schedule how the learning rate changes over the run
 * @param seed fixes initialisation, shuffling, sampling, dropout and augmentation
 * @param loss the loss family and its parameters
 * @param apply how the class weights act: on the loss, the sampling, or both
 * @param averaging how the parameters are averaged over the training; the average is what is scored
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
        Averaging averaging) {

    /** The optimizers. */
    public enum Optimizer {
        /** Adam (Kingma and Ba, 2015), the default. */
        ADAM,
        /** Stochastic gradient descent with momentum. */
        SGD;

        /**
         * Parses a name as written on a command line.
         *
         * @param text {@code adam} or {@code sgd}
         * @return the optimizer
         */
        public static Optimizer parse(String text) {
            return parseEnum(Optimizer.class, "optimizer", text);
        }
    }

    /** Learning-rate schedules over all the updates of a run. */
    public enum Schedule {
        /** The same rate throughout. */
        CONSTANT,
        /** Cosine decay from the base rate to 0 over the run. */
        COSINE,
        /** The rate times 0.1 at 50% and again at 75% of the run. */
        STEP;

        /**
         * Parses a name as written on a command line.
         *
         * @param text {@code constant}, {@code cosine} or {@code step}
         * @return the schedule
         */
        public static Schedule parse(String text) {
            return parseEnum(Schedule.class, "schedule", text);
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
                || averaging == null) {
            throw new IllegalArgumentException(
                    "optimizer, schedule, loss, weight application and averaging must be given");
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
        averaging.check(epochs);
    }

    /**
     * The defaults: Adam, learning rate 1e-3, no weight decay, 10 epochs, batch 128, constant rate,
     * seed 0, weighted cross-entropy, weights on the loss, no averaging.
     *
     * @return the defaults
     */
    public static TrainingSettings defaults() {
        return new TrainingSettings(
                Optimizer.ADAM,
                1e-3,
                0.9,
                0,
                10,
                128,
                Schedule.CONSTANT,
                0,
                LossChoice.CROSS_ENTROPY,
                WeightApplication.LOSS,
                Averaging.NONE);
    }

    /**
     * Returns these settings with another number of epochs.
     *
     * @param value the epochs
     * @return the new settings
     */
    public TrainingSettings withEpochs(int value) {
        return new TrainingSettings(
                optimizer,
                learningRate,
                momentum,
                weightDecay,
                value,
                batchSize,
                schedule,
                seed,
                loss,
                apply,
                averaging);
    }

    /**
     * Returns these settings with another batch size.
     *
     * @param value the batch size
     * @return the new settings
     */
    public TrainingSettings withBatchSize(int value) {
        return new TrainingSettings(
                optimizer,
                learningRate,
                momentum,
                weightDecay,
                epochs,
                value,
                schedule,
                seed,
                loss,
                apply,
                averaging);
    }

    /**
     * Returns these settings with another seed.
     *
     * @param value the seed
     * @return the new settings
     */
    public TrainingSettings withSeed(int value) {
        return new TrainingSettings(
                optimizer,
                learningRate,
                momentum,
                weightDecay,
                epochs,
                batchSize,
                schedule,
                value,
                loss,
                apply,
                averaging);
    }

    /**
     * Returns these settings with another loss and weight application.
     *
     * @param lossValue the loss
     * @param applyValue how the weights act
     * @return the new settings
     */
    public TrainingSettings withWeighting(LossChoice lossValue, WeightApplication applyValue) {
        return new TrainingSettings(
                optimizer,
                learningRate,
                momentum,
                weightDecay,
                epochs,
                batchSize,
                schedule,
                seed,
                lossValue,
                applyValue,
                averaging);
    }

    /**
     * Returns these settings with another averaging.
     *
     * @param value the averaging
     * @return the new settings
     */
    public TrainingSettings withAveraging(Averaging value) {
        return new TrainingSettings(
                optimizer,
                learningRate,
                momentum,
                weightDecay,
                epochs,
                batchSize,
                schedule,
                seed,
                loss,
                apply,
                value);
    }

    private static void check(boolean ok, String what, Object value, String expected) {
        if (!ok) {
            throw new IllegalArgumentException(what + " is " + value + "; expected " + expected);
        }
    }

    static <E extends Enum<E>> E parseEnum(Class<E> type, String what, String text) {
        for (E e : type.getEnumConstants()) {
            if (e.name()
                    .toLowerCase(Locale.ROOT)
                    .equals(text == null ? null : text.trim().toLowerCase(Locale.ROOT))) {
                return e;
            }
        }
        StringBuilder known = new StringBuilder();
        for (E e : type.getEnumConstants()) {
            known.append(known.length() == 0 ? "" : ", ").append(e.name().toLowerCase(Locale.ROOT));
        }
        throw new IllegalArgumentException(
                "unknown " + what + " '" + text + "'; expected one of " + known);
    }
}

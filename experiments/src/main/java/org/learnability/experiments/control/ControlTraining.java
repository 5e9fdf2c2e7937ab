package org.learnability.experiments.control;

/**
 * How a compute-matched control trained, its part of its record ({@code "control"}): the baseline's
 * recipe with the run stretched to {@code epochs}, the schedule, warm-up share and averaging
 * keeping their shape over the longer run.
 *
 * @param epochs the epochs it trained
 * @param baselineEpochs the baseline's epochs, which it is a multiple of
 * @param learningRate its base learning rate, the baseline's
 * @param schedule its learning-rate schedule over all its updates, the baseline's
 * @param warmup the share of its updates that warm the rate up, the baseline's
 * @param averaging its parameter averaging (an SWA start scaled to the longer run)
 */
public record ControlTraining(
        int epochs,
        int baselineEpochs,
        double learningRate,
        String schedule,
        double warmup,
        String averaging) {

    /** The name of its part in a record. */
    public static final String PART = "control";
}

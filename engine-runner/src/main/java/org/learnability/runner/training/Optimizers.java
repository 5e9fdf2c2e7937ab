package org.learnability.runner.training;

import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.CosineTracker;
import ai.djl.training.tracker.MultiFactorTracker;
import ai.djl.training.tracker.PolynomialDecayTracker;
import ai.djl.training.tracker.Tracker;
import ai.djl.training.tracker.WarmUpTracker;

/**
 * The DJL optimizer of a training's settings, with its learning rate over all the updates of the
 * run: the {@link TrainingSettings.Optimizer} with its rate, momentum and weight decay, and the
 * {@link Warmup} followed by the {@link TrainingSettings.Schedule}.
 */
final class Optimizers {

    private Optimizers() {}

    /**
     * Builds the optimizer with its learning-rate schedule over all updates of the run.
     *
     * @param settings the settings
     * @param updates the number of updates in the run
     * @return the optimizer
     */
    static Optimizer create(TrainingSettings settings, int updates) {
        Tracker tracker = learningRate(settings, updates);
        float weightDecay = (float) settings.weightDecay();
        return switch (settings.optimizer()) {
            case ADAM ->
                    Optimizer.adam()
                            .optLearningRateTracker(tracker)
                            .optWeightDecays(weightDecay)
                            .build();
            case SGD ->
                    Optimizer.sgd()
                            .setLearningRateTracker(tracker)
                            .optMomentum((float) settings.momentum())
                            .optWeightDecays(weightDecay)
                            .build();
            case NESTEROV ->
                    NesterovSgd.builder()
                            .setLearningRateTracker(tracker)
                            .setMomentum((float) settings.momentum())
                            .optWeightDecays(weightDecay)
                            .build();
            case ADAMW ->
                    Optimizer.adamW()
                            .optLearningRateTracker(tracker)
                            .optWeightDecays(weightDecay)
                            .build();
        };
    }

    /**
     * The learning rate of every update of a run: the settings' {@link Warmup} (DJL's {@link
     * WarmUpTracker}, linear from 0) over its first {@code k} updates, then their schedule over the
     * {@code T - k} that remain; without a warm-up, the schedule over all {@code T}. DJL asks a
     * tracker for update {@code t} from 1.
     *
     * @param settings the settings
     * @param updates {@code T}, the number of updates in the run
     * @return the tracker
     */
    static Tracker learningRate(TrainingSettings settings, int updates) {
        float lr = (float) settings.learningRate();
        int warmupSteps = settings.warmup().steps(updates);
        Tracker schedule = schedule(settings.schedule(), lr, updates - warmupSteps);
        if (warmupSteps == 0) {
            return schedule;
        }
        return WarmUpTracker.builder()
                .setMainTracker(schedule)
                .optWarmUpSteps(warmupSteps)
                .optWarmUpBeginValue(0f)
                .optWarmUpMode(WarmUpTracker.Mode.LINEAR)
                .build();
    }

    /** A schedule from {@code lr} over {@code updates} updates. */
    private static Tracker schedule(TrainingSettings.Schedule schedule, float lr, int updates) {
        return switch (schedule) {
            case CONSTANT -> Tracker.fixed(lr);
            case COSINE ->
                    CosineTracker.builder()
                            .setBaseValue(lr)
                            .optFinalValue(0f)
                            .setMaxUpdates(updates)
                            .build();
            case STEP ->
                    MultiFactorTracker.builder()
                            .setBaseValue(lr)
                            .setSteps(
                                    new int[] {
                                        Math.max(1, updates / 2), Math.max(2, updates * 3 / 4)
                                    })
                            .optFactor(0.1f)
                            .build();
            case LINEAR ->
                    PolynomialDecayTracker.builder()
                            .setBaseValue(lr)
                            .setEndLearningRate(0f)
                            .setDecaySteps(updates)
                            .optPower(1f)
                            .build();
        };
    }
}

package org.learnability.runner.training;

import org.learnability.runner.loss.LabelSmoothing;
import org.learnability.runner.loss.LossChoice;
import org.learnability.runner.training.TrainingSettings.Optimizer;
import org.learnability.runner.training.TrainingSettings.Schedule;

/**
 * {@link TrainingSettings} made part by part; each setter sets the component of its name, and
 * {@link #build} validates them all together. The initial values are the {@link
 * TrainingSettings#defaults()}, written here only.
 */
public final class TrainingSettingsBuilder {
    private Optimizer optimizer = Optimizer.ADAM;
    private double learningRate = 1e-3;
    private double momentum = 0.9;
    private double weightDecay = 0;
    private int epochs = 10;
    private int batchSize = 128;
    private Schedule schedule = Schedule.CONSTANT;
    private int seed = 0;
    private LossChoice loss = LossChoice.CROSS_ENTROPY;
    private WeightApplication apply = WeightApplication.LOSS;
    private Averaging averaging = Averaging.NONE;
    private Warmup warmup = Warmup.NONE;
    private LabelSmoothing labelSmoothing = LabelSmoothing.NONE;

    TrainingSettingsBuilder() {}

    TrainingSettingsBuilder(TrainingSettings s) {
        optimizer = s.optimizer();
        learningRate = s.learningRate();
        momentum = s.momentum();
        weightDecay = s.weightDecay();
        epochs = s.epochs();
        batchSize = s.batchSize();
        schedule = s.schedule();
        seed = s.seed();
        loss = s.loss();
        apply = s.apply();
        averaging = s.averaging();
        warmup = s.warmup();
        labelSmoothing = s.labelSmoothing();
    }

    /** Sets {@link TrainingSettings#optimizer}. */
    public TrainingSettingsBuilder optimizer(Optimizer value) {
        optimizer = value;
        return this;
    }

    /** Sets {@link TrainingSettings#learningRate}. */
    public TrainingSettingsBuilder learningRate(double value) {
        learningRate = value;
        return this;
    }

    /** Sets {@link TrainingSettings#momentum}. */
    public TrainingSettingsBuilder momentum(double value) {
        momentum = value;
        return this;
    }

    /** Sets {@link TrainingSettings#weightDecay}. */
    public TrainingSettingsBuilder weightDecay(double value) {
        weightDecay = value;
        return this;
    }

    /** Sets {@link TrainingSettings#epochs}. */
    public TrainingSettingsBuilder epochs(int value) {
        epochs = value;
        return this;
    }

    /** Sets {@link TrainingSettings#batchSize}. */
    public TrainingSettingsBuilder batchSize(int value) {
        batchSize = value;
        return this;
    }

    /** Sets {@link TrainingSettings#schedule}. */
    public TrainingSettingsBuilder schedule(Schedule value) {
        schedule = value;
        return this;
    }

    /** Sets {@link TrainingSettings#seed}. */
    public TrainingSettingsBuilder seed(int value) {
        seed = value;
        return this;
    }

    /** Sets {@link TrainingSettings#loss}. */
    public TrainingSettingsBuilder loss(LossChoice value) {
        loss = value;
        return this;
    }

    /** Sets {@link TrainingSettings#apply}. */
    public TrainingSettingsBuilder apply(WeightApplication value) {
        apply = value;
        return this;
    }

    /** Sets {@link TrainingSettings#averaging}. */
    public TrainingSettingsBuilder averaging(Averaging value) {
        averaging = value;
        return this;
    }

    /** Sets {@link TrainingSettings#warmup}. */
    public TrainingSettingsBuilder warmup(Warmup value) {
        warmup = value;
        return this;
    }

    /** Sets {@link TrainingSettings#labelSmoothing}. */
    public TrainingSettingsBuilder labelSmoothing(LabelSmoothing value) {
        labelSmoothing = value;
        return this;
    }

    /**
     * Makes the settings.
     *
     * @return the settings
     * @throws IllegalArgumentException naming the option at fault, as {@link TrainingSettings}'s
     *     constructor does
     */
    public TrainingSettings build() {
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
                averaging,
                warmup,
                labelSmoothing);
    }
}

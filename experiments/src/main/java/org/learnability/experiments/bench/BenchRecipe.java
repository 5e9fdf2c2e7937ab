package org.learnability.experiments.bench;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.learnability.experiments.plan.BaselinePlan;
import org.learnability.experiments.plan.Preset;
import org.learnability.runner.scoring.TestTimeAugmentation;
import org.learnability.runner.training.Averaging;
import org.learnability.runner.training.TrainingSettings;

/**
 * How a benchmark trains and scores its model: by default Adam with learning rate 1e-3, constant
 * ({@link TrainingSettings#defaults()}), as {@code bench/pytorch_reference.py} trains; with a
 * preset, the training of the preset's baseline (optimizer, rate, momentum, weight decay, schedule,
 * warm-up, label smoothing, parameter averaging), its augmentation and its test-time augmentation.
 * The benchmark sets the epochs, batch size and seed itself.
 *
 * <p>{@link #toString} describes it in the words {@code bench/pytorch_reference.py} uses too, e.g.
 * {@code adam lr 0.001 constant} or {@code cpu: nesterov lr 0.1 momentum 0.9 wd 0.0005 linear
 * warmup 0.15, label smoothing 0.1, ema:decay=0.999, augment, test-time flip}.
 *
 * @param preset the preset, or empty for the benchmark's own training
 * @param settings how the model trains, before the benchmark's epochs, batch size and seed
 * @param augment whether training batches get the data set's augmentation
 * @param testTime how the test split is scored
 */
public record BenchRecipe(
        Optional<Preset> preset,
        TrainingSettings settings,
        boolean augment,
        TestTimeAugmentation testTime) {

    /** Validates the record. */
    public BenchRecipe {
        if (preset == null || settings == null || testTime == null) {
            throw new IllegalArgumentException(
                    "preset (or empty), settings and test-time augmentation must be given");
        }
    }

    /**
     * Returns the benchmark's own training: Adam, learning rate 1e-3, constant, scored without
     * test-time augmentation.
     *
     * @param augment whether training batches are augmented ({@code --augment})
     * @return the recipe
     */
    public static BenchRecipe defaults(boolean augment) {
        return new BenchRecipe(
                Optional.empty(), TrainingSettings.defaults(), augment, TestTimeAugmentation.NONE);
    }

    /**
     * Returns a preset's training: its baseline's settings, augmentation and test-time
     * augmentation.
     *
     * @param preset the preset
     * @param baseline its baseline plan
     * @param seed the benchmark's seed
     * @param augment whether {@code --augment} was given: augmentation if it or the preset asks
     * @return the recipe
     */
    public static BenchRecipe of(Preset preset, BaselinePlan baseline, int seed, boolean augment) {
        return new BenchRecipe(
                Optional.of(preset),
                baseline.training(seed),
                augment || baseline.augment(),
                baseline.testTime());
    }

    /**
     * Describes the recipe: the preset's name, the optimizer with its rate (momentum for SGD and
     * Nesterov, weight decay if any), the schedule (warm-up if any), then label smoothing,
     * averaging, augmentation and test-time augmentation where there are any.
     *
     * @return e.g. {@code adam lr 0.001 constant}
     */
    @Override
    public String toString() {
        TrainingSettings s = settings;
        StringBuilder optimizer = new StringBuilder();
        preset.ifPresent(p -> optimizer.append(p).append(": "));
        optimizer.append(lower(s.optimizer())).append(" lr ").append(plain(s.learningRate()));
        if (s.optimizer() == TrainingSettings.Optimizer.SGD
                || s.optimizer() == TrainingSettings.Optimizer.NESTEROV) {
            optimizer.append(" momentum ").append(plain(s.momentum()));
        }
        if (s.weightDecay() > 0) {
            optimizer.append(" wd ").append(plain(s.weightDecay()));
        }
        optimizer.append(' ').append(lower(s.schedule()));
        if (!s.warmup().isNone()) {
            optimizer.append(" warmup ").append(s.warmup());
        }
        List<String> parts = new ArrayList<>();
        parts.add(optimizer.toString());
        if (!s.labelSmoothing().isNone()) {
            parts.add("label smoothing " + s.labelSmoothing());
        }
        if (s.averaging().kind() != Averaging.Kind.NONE) {
            parts.add(s.averaging().toString());
        }
        if (augment) {
            parts.add("augment");
        }
        if (testTime != TestTimeAugmentation.NONE) {
            parts.add("test-time " + testTime);
        }
        return String.join(", ", parts);
    }

    private static String lower(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }

    private static String plain(double value) {
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }
}

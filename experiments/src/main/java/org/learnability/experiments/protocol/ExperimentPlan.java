package org.learnability.experiments.protocol;

import java.util.ArrayList;
import java.util.List;
import org.learnability.api.strategy.StrategySpec;
import org.learnability.experiments.record.RunRecord;
import org.learnability.runner.training.TrainingSettings;

/**
 * Everything that decides which models an experiment trains and how: recorded in {@code plan.json}
 * of the experiment directory, so that a resumed run can check it continues the same experiment.
 * The engine and the devices are not part of it: runs on both engines may share one directory.
 *
 * @param preset the preset the plan started from
 * @param dataset {@code cifar10} or {@code fashion-mnist}
 * @param dataDir the local data directory, or empty for DJL's download
 * @param model the architecture
 * @param strategies the weighted strategies' specs (the baseline {@code uniform} is implicit)
 * @param seeds the seeds, one baseline and one set of weighted models each
 * @param epochs training epochs of every model
 * @param batchSize training batch size
 * @param optimizer {@code adam} or {@code sgd}
 * @param learningRate the base learning rate
 * @param momentum SGD's momentum
 * @param weightDecay L2 weight decay
 * @param schedule the learning-rate schedule: {@code constant}, {@code cosine} or {@code step}
 * @param trainSize training images (stratified subset), 0 for all that the validation split leaves
 * @param valSize validation images, held out of the training set
 * @param mode two-stage, iterative or dynamic
 * @param rounds weighted rounds (iterative mode; 1 otherwise)
 * @param augment random crop and flip of training images (CIFAR-10)
 */
public record ExperimentPlan(
        String preset,
        String dataset,
        String dataDir,
        String model,
        List<String> strategies,
        List<Integer> seeds,
        int epochs,
        int batchSize,
        String optimizer,
        double learningRate,
        double momentum,
        double weightDecay,
        String schedule,
        int trainSize,
        int valSize,
        String mode,
        int rounds,
        boolean augment) {

    /** Validates the plan, naming the option at fault. */
    public ExperimentPlan {
        dataDir = dataDir == null ? "" : dataDir;
        List<String> specs = new ArrayList<>();
        for (String s : strategies) {
            String canonical = StrategySpec.parse(s).toString();
            if (!canonical.equals(RunRecord.BASELINE) && !specs.contains(canonical)) {
                specs.add(canonical);
            }
        }
        strategies = List.copyOf(specs);
        seeds = List.copyOf(seeds);
        Mode.parse(mode);
        check(!seeds.isEmpty(), "--seeds", seeds.size(), "at least 1");
        check(epochs >= 1, "--epochs", epochs, "a whole number >= 1");
        check(batchSize >= 1, "--batch-size", batchSize, "a whole number >= 1");
        settings(optimizer, learningRate, momentum, weightDecay, epochs, batchSize, schedule, 0);
        check(trainSize >= 0, "--train-size", trainSize, "a whole number >= 0 (0: all)");
        check(valSize >= 1, "--val-size", valSize, "a whole number >= 1");
        check(rounds >= 1, "--rounds", rounds, "a whole number >= 1");
        check(
                Mode.parse(mode) == Mode.ITERATIVE || rounds == 1,
                "--rounds",
                rounds,
                "1 unless --mode iterative");
    }

    private static void check(boolean ok, String option, Object value, String expected) {
        if (!ok) {
            throw new IllegalArgumentException(option + " is " + value + "; expected " + expected);
        }
    }

    /**
     * Returns the training settings of one seed.
     *
     * @param seed the seed
     * @return the settings
     * @throws IllegalArgumentException naming the option at fault
     */
    public TrainingSettings training(int seed) {
        return settings(
                optimizer, learningRate, momentum, weightDecay, epochs, batchSize, schedule, seed);
    }

    private static TrainingSettings settings(
            String optimizer,
            double learningRate,
            double momentum,
            double weightDecay,
            int epochs,
            int batchSize,
            String schedule,
            int seed) {
        return new TrainingSettings(
                TrainingSettings.Optimizer.parse(optimizer),
                learningRate,
                momentum,
                weightDecay,
                epochs,
                batchSize,
                TrainingSettings.Schedule.parse(schedule),
                seed);
    }

    /**
     * Returns the mode.
     *
     * @return the parsed mode
     */
    public Mode parsedMode() {
        return Mode.parse(mode);
    }

    /**
     * Counts the models the plan trains on one engine.
     *
     * @return seeds x (1 + strategies x rounds)
     */
    public int modelCount() {
        return seeds.size() * (1 + strategies.size() * rounds);
    }
}

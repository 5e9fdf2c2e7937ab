package org.learnability.experiments.plan;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.learnability.api.strategy.StrategySpec;
import org.learnability.experiments.mode.ExperimentMode;
import org.learnability.experiments.mode.RunId;
import org.learnability.experiments.record.RunRecord;
import org.learnability.runner.data.DataSource;
import org.learnability.runner.data.DatasetDefinition;
import org.learnability.runner.model.ModelArchitecture;
import org.learnability.runner.training.TrainingSettings;

/**
 * Everything that decides which models an experiment trains and how, as typed values checked once:
 * made by {@link PlanCodec} from a preset, command-line options, {@code plan.json} or a grid, and
 * recorded in {@code plan.json} of the experiment directory so that a resumed run can check it
 * continues the same experiment. The engine and the devices are not part of it: runs on both
 * engines may share one directory.
 *
 * @param preset the preset the plan started from
 * @param dataset the data set
 * @param dataDir the local data, or empty for the data set's default source
 * @param model the architecture
 * @param strategies the weighted strategies' canonical specs (the baseline {@code uniform} is
 *     implicit), each once
 * @param seeds the seeds, one baseline and one set of weighted models each
 * @param training optimizer, learning rate, momentum, weight decay, epochs, batch size and schedule
 *     of every model (its seed is each run's own)
 * @param trainSize training images (stratified subset), 0 for all that the validation split leaves
 * @param valSize validation images, held out of the training set
 * @param mode how the weighted models are trained
 * @param rounds weighted rounds (modes that {@linkplain ExperimentMode#usesRounds use rounds}; 1
 *     otherwise)
 * @param augment the data set's augmentation of training images
 */
public record ExperimentPlan(
        String preset,
        DatasetDefinition dataset,
        Optional<Path> dataDir,
        ModelArchitecture model,
        List<String> strategies,
        List<Integer> seeds,
        TrainingSettings training,
        int trainSize,
        int valSize,
        ExperimentMode mode,
        int rounds,
        boolean augment) {

    /** Validates the plan, naming the option at fault. */
    public ExperimentPlan {
        List<String> specs = new ArrayList<>();
        for (String s : strategies) {
            String canonical = StrategySpec.parse(s).toString();
            if (!canonical.equals(RunRecord.BASELINE) && !specs.contains(canonical)) {
                specs.add(canonical);
            }
        }
        strategies = List.copyOf(specs);
        seeds = List.copyOf(seeds);
        check(!seeds.isEmpty(), "--seeds", seeds.size(), "at least 1");
        check(trainSize >= 0, "--train-size", trainSize, "a whole number >= 0 (0: all)");
        check(valSize >= 1, "--val-size", valSize, "a whole number >= 1");
        check(rounds >= 1, "--rounds", rounds, "a whole number >= 1");
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
     */
    public TrainingSettings training(int seed) {
        return training.withSeed(seed);
    }

    /**
     * Returns where the data comes from: the local directory, or the data set's default.
     *
     * @return the source
     */
    public DataSource source() {
        return dataDir.map(DataSource::local).orElseGet(dataset::defaultSource);
    }

    /**
     * Returns the weighted models of one seed, as the mode declares them.
     *
     * @return the runs, in training order
     */
    public List<RunId> weightedRuns() {
        return mode.weightedRuns(this);
    }

    /**
     * Counts the models the plan trains on one engine.
     *
     * @return seeds x (1 + weighted runs per seed)
     */
    public int modelCount() {
        return seeds.size() * (1 + weightedRuns().size());
    }
}

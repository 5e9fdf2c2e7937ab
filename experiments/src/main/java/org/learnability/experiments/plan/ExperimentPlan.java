package org.learnability.experiments.plan;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.learnability.api.strategy.StrategySpec;
import org.learnability.api.weights.ClassWeights;
import org.learnability.experiments.mode.ExperimentMode;
import org.learnability.experiments.mode.RunId;
import org.learnability.experiments.mode.WeightBound;
import org.learnability.experiments.mode.WeightSmoothing;
import org.learnability.experiments.record.RunRecord;
import org.learnability.runner.data.DataSource;
import org.learnability.runner.data.DatasetDefinition;
import org.learnability.runner.loss.LossChoice;
import org.learnability.runner.model.ModelArchitecture;
import org.learnability.runner.training.TrainingSettings;
import org.learnability.runner.training.WeightApplication;

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
 * @param strategies the weighted strategies' canonical specs, each once; the baseline {@code
 *     uniform} is implicit, and a weighted {@code uniform} is kept only where the weighting itself
 *     (loss, application, smoothing) differs from the baseline's or a mode derives from the
 *     baseline
 * @param seeds the seeds, one baseline and one set of weighted models each
 * @param training optimizer, learning rate, momentum, weight decay, epochs, batch size, schedule,
 *     loss and weight application of the weighted models (the seed is each run's own; the baseline
 *     trains with weighted cross-entropy on the loss, all weights 1)
 * @param trainSize training images (stratified subset), 0 for all that the validation split leaves
 * @param valSize validation images, held out of the training set
 * @param modes how the weighted models are made, each mode in turn for every seed
 * @param rounds weighted rounds (modes that {@linkplain ExperimentMode#usesRounds use rounds}; 1
 *     otherwise)
 * @param augment the data set's augmentation of training images
 * @param smoothing how recomputed weights are smoothed
 * @param maxAccuracyDrop the validation accuracy a choice made on validation (posthoc's offset
 *     scale) may give up against the baseline
 * @param bound the bound on the weights' spread, after the strategy and the smoothing
 * @param collapseThreshold how far a weighted model's validation accuracy may fall below its
 *     baseline's before it counts as collapsed (a warning, not a failure)
 * @param scoreEpochs how many of the last epochs' validation scores, averaged, give the weights
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
        List<ExperimentMode> modes,
        int rounds,
        boolean augment,
        WeightSmoothing smoothing,
        double maxAccuracyDrop,
        WeightBound bound,
        double collapseThreshold,
        int scoreEpochs) {

    /**
     * The most seeds a plan may have. Every seed trains a baseline and the weighted models; the
     * report's exact Wilcoxon test takes time that grows with the cube of the seeds (about a second
     * at 1000); and a plan lists its seeds. A plan above this is a typing error, refused before it
     * takes the memory and the time.
     */
    public static final int MAX_SEEDS = 1000;

    /** What a count of seeds must be, for messages. */
    static final String SEEDS_EXPECTED =
            "a whole number from 1 to "
                    + MAX_SEEDS
                    + " (each seed trains its own models, and the report's exact rank test grows"
                    + " with the cube of the seeds)";

    /** Validates the plan, naming the option at fault. */
    public ExperimentPlan {
        // a weighted uniform is the baseline again, unless the weighting differs from the
        // baseline's or a mode derives from the baseline (posthoc: a check that changes nothing)
        boolean plainWeighting =
                training.loss().toString().equals(LossChoice.CROSS_ENTROPY.toString())
                        && training.apply() == WeightApplication.LOSS
                        && !smoothing.smooths()
                        && modes.stream().allMatch(ExperimentMode::trains);
        List<String> specs = new ArrayList<>();
        for (String s : strategies) {
            String canonical = StrategySpec.parse(s).toString();
            boolean baseline = canonical.equals(RunRecord.BASELINE) && plainWeighting;
            if (!baseline && !specs.contains(canonical)) {
                specs.add(canonical);
            }
        }
        strategies = List.copyOf(specs);
        seeds = List.copyOf(seeds);
        modes = List.copyOf(modes);
        check(!seeds.isEmpty(), "--seeds", seeds.size(), "at least 1");
        check(seeds.size() <= MAX_SEEDS, "--seeds", seeds.size(), SEEDS_EXPECTED);
        check(!modes.isEmpty(), "--mode", "nothing", "at least one mode");
        check(trainSize >= 0, "--train-size", trainSize, "a whole number >= 0 (0: all)");
        check(valSize >= 1, "--val-size", valSize, "a whole number >= 1");
        check(rounds >= 1, "--rounds", rounds, "a whole number >= 1");
        check(
                maxAccuracyDrop >= 0 && maxAccuracyDrop <= 1,
                "--max-accuracy-drop",
                maxAccuracyDrop,
                "a number in [0, 1]");
        check(
                collapseThreshold >= 0 && collapseThreshold <= 1,
                "--collapse-threshold",
                collapseThreshold,
                "a number in [0, 1]");
        check(
                scoreEpochs >= 1 && scoreEpochs <= training.epochs(),
                "--score-epochs",
                scoreEpochs,
                "a whole number from 1 to --epochs (" + training.epochs() + ")");
    }

    /**
     * Turns a strategy's weights into those a model uses: smoothed with the weights in force before
     * ({@link WeightSmoothing}), then bounded ({@link WeightBound}). Every mode weighs through
     * this.
     *
     * @param previous the weights in force before (all 1 at first)
     * @param proposed the strategy's weights
     * @return the weights to use
     */
    public ClassWeights weights(ClassWeights previous, ClassWeights proposed) {
        return bound.apply(smoothing.apply(previous, proposed));
    }

    private static void check(boolean ok, String option, Object value, String expected) {
        if (!ok) {
            throw new IllegalArgumentException(option + " is " + value + "; expected " + expected);
        }
    }

    /**
     * Returns the training settings of one seed's weighted models.
     *
     * @param seed the seed
     * @return the settings
     */
    public TrainingSettings training(int seed) {
        return training.withSeed(seed);
    }

    /**
     * Returns the training settings of one seed's baseline: the plan's, with weighted cross-entropy
     * and the weights (all 1) on the loss.
     *
     * @param seed the seed
     * @return the settings
     */
    public TrainingSettings baselineTraining(int seed) {
        return training(seed).withWeighting(LossChoice.CROSS_ENTROPY, WeightApplication.LOSS);
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
     * Returns the modes' names as {@code plan.json} and command lines write them.
     *
     * @return e.g. {@code two-stage,posthoc}
     */
    public String modeNames() {
        return String.join(",", modes.stream().map(ExperimentMode::name).toList());
    }

    /**
     * Returns the weighted models of one seed, as the modes declare them, mode after mode.
     *
     * @return the runs, in training order
     */
    public List<RunId> weightedRuns() {
        List<RunId> runs = new ArrayList<>();
        modes.forEach(mode -> runs.addAll(mode.weightedRuns(this)));
        return runs;
    }

    /**
     * Counts the models the plan trains (or derives) on one engine.
     *
     * @return seeds x (1 + weighted runs per seed)
     */
    public int modelCount() {
        return seeds.size() * (1 + weightedRuns().size());
    }
}

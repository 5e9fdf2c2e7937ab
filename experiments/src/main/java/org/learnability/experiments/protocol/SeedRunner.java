package org.learnability.experiments.protocol;

import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.learnability.api.registry.StrategyRegistry;
import org.learnability.api.strategy.StrategyParameters;
import org.learnability.api.strategy.StrategySpec;
import org.learnability.api.strategy.WeightStrategy;
import org.learnability.experiments.mode.ExperimentMode;
import org.learnability.experiments.mode.RunId;
import org.learnability.experiments.plan.BaselinePlan;
import org.learnability.experiments.plan.ExperimentPlan;
import org.learnability.experiments.plan.PlanCodec;
import org.learnability.experiments.plan.ValidationSettings;
import org.learnability.experiments.record.ModelKey;
import org.learnability.experiments.record.RunRecord;
import org.learnability.runner.data.DatasetDefinition;
import org.learnability.runner.data.SplitSpec;
import org.learnability.runner.pipeline.Pipeline;
import org.learnability.runner.pipeline.Session;
import org.learnability.runner.pipeline.SessionOptions;
import org.learnability.runner.pipeline.SessionSpec;

/**
 * Runs the models of one seed, the one way {@code run} and a grid's tasks both do it: the seed's
 * data loaded and split once ({@link #open}), its baseline trained at most once and shared by every
 * experiment whose baseline plan is the same, then every experiment's modes in turn, each recording
 * into its own ledger and skipping what it holds.
 */
public final class SeedRunner {

    private final Pipeline pipeline;
    private final StrategyRegistry strategies;
    private final PlanCodec codec;

    /**
     * Creates the runner from the application's services.
     *
     * @param pipeline loads, splits, trains and scores
     * @param strategies the strategies
     * @param codec resolves a weighting's loss family
     */
    @Inject
    public SeedRunner(Pipeline pipeline, StrategyRegistry strategies, PlanCodec codec) {
        this.pipeline = pipeline;
        this.strategies = strategies;
        this.codec = codec;
    }

    /**
     * One experiment of a seed.
     *
     * @param plan its plan
     * @param ledger its models, recorded and to be recorded
     * @param store its saved models
     */
    public record Experiment(ExperimentPlan plan, RunLedger ledger, ModelStore store) {

        /**
         * An experiment that saves no model and has none saved (a grid task's).
         *
         * @param plan its plan
         * @param ledger its models
         */
        public Experiment(ExperimentPlan plan, RunLedger ledger) {
            this(plan, ledger, ModelStore.none());
        }
    }

    /**
     * Makes the strategies of a plan, each once by spec.
     *
     * @param plan the plan
     * @return the strategies, in the plan's order
     */
    public Map<String, WeightStrategy> strategies(ExperimentPlan plan) {
        Map<String, WeightStrategy> byName = new LinkedHashMap<>();
        Map<String, StrategyParameters> resolved = new LinkedHashMap<>();
        for (String spec : plan.arms().strategies()) {
            StrategySpec parsed = StrategySpec.parse(spec);
            StrategyParameters parameters = strategies.parameters(parsed);
            resolved.forEach(
                    (earlier, its) -> {
                        if (StrategySpec.parse(earlier).name().equals(parsed.name())
                                && its.sameValues(parameters)) {
                            throw new IllegalArgumentException(
                                    "--strategies names "
                                            + earlier
                                            + " and "
                                            + spec
                                            + ", the same strategy with the same parameters,"
                                            + " which would train the same arm twice; give it"
                                            + " once");
                        }
                    });
            resolved.put(spec, parameters);
            byName.put(spec, strategies.create(parsed));
        }
        return byName;
    }

    /**
     * Returns a plan's data set as its data makes it: a built-in one as it is; a user's image
     * folder or table with the classes and shape of its files, which are checked (and converted)
     * here.
     *
     * @param plan the baseline plan (data set, its directory, its options)
     * @return the data set
     * @throws org.learnability.runner.data.DataException naming the file, value or option at fault
     */
    public DatasetDefinition dataset(BaselinePlan plan) {
        return pipeline.dataset(plan.dataset(), plan.source(), plan.dataOptions());
    }

    /**
     * Opens the session of a seed: its data loaded and split on the engine's device.
     *
     * @param plan a plan of the seed (its baseline plan gives the data)
     * @param seed the seed
     * @param options devices and progress
     * @param engine the engine's name, or empty for the process's
     * @return the session; the caller closes it
     */
    public Session open(
            ExperimentPlan plan, int seed, SessionOptions options, Optional<String> engine) {
        return pipeline.open(
                new SessionSpec(
                        dataset(plan.baseline()),
                        plan.baseline().source(),
                        new SplitSpec(plan.baseline().valSize(), plan.baseline().trainSize(), seed),
                        options.withTestTimeAugmentation(plan.baseline().testTime())
                                .withEveryEpochValidation(
                                        ValidationSettings.of(plan.arms().modeOptions())
                                                .validateEveryEpoch()),
                        engine));
    }

    /**
     * Runs one seed of several experiments that share a baseline plan.
     *
     * @param session the seed's session
     * @param seed the seed
     * @param experiments the experiments, in order; the first one's plan trains the baseline
     * @param progress where progress lines go
     */
    public void run(Session session, int seed, List<Experiment> experiments, RunProgress progress) {
        run(session, seed, experiments, progress, Optional.empty());
    }

    /**
     * Runs one seed of several experiments that share a baseline plan, with the recorded baseline's
     * parameters at hand, so that what derives from its logits does not train it again.
     *
     * @param session the seed's session
     * @param seed the seed
     * @param experiments the experiments, in order; the first one's plan trains the baseline if it
     *     is not recorded
     * @param progress where progress lines go
     * @param baselineParameters the baseline's parameters ({@link Baseline#parameters}), if at hand
     */
    public void run(
            Session session,
            int seed,
            List<Experiment> experiments,
            RunProgress progress,
            Optional<byte[]> baselineParameters) {
        ExperimentPlan first = experiments.get(0).plan();
        try (SharedBaseline baseline =
                new SharedBaseline(
                        first, seed, session, baselineParameters, codec.identity(first))) {
            SharedControls controls = new SharedControls();
            for (Experiment e : experiments) {
                if (!e.plan().baseline().equals(first.baseline())) {
                    throw new IllegalArgumentException(
                            "the experiments of a seed must share their baseline plan");
                }
                new ExperimentSeed(
                                e.plan(),
                                seed,
                                session,
                                strategies(e.plan()),
                                codec.loss(e.plan().arms().weighting().loss()),
                                codec.identity(e.plan()),
                                e.ledger(),
                                e.store(),
                                progress,
                                baseline,
                                controls)
                        .run();
            }
        }
    }

    /**
     * A seed's baseline, trained alone: its record and its parameters.
     *
     * @param record its record
     * @param parameters its parameters in DJL's format; empty if it was recorded already
     */
    public record Baseline(RunRecord record, Optional<byte[]> parameters) {}

    /**
     * Trains the baseline of a seed alone, unless the ledger holds it.
     *
     * @param session the seed's session
     * @param seed the seed
     * @param plan a plan of the seed
     * @param ledger the models recorded, where the baseline is appended
     * @param progress where progress lines go
     * @return the baseline
     */
    public Baseline baseline(
            Session session,
            int seed,
            ExperimentPlan plan,
            RunLedger ledger,
            RunProgress progress) {
        try (SharedBaseline baseline =
                new SharedBaseline(plan, seed, session, Optional.empty(), codec.identity(plan))) {
            String engine = session.engine().getEngineName();
            RunRecord record =
                    baseline.record(
                            RunId.baseline(plan.arms().mode().get(0)),
                            ModelKeys.baseline(engine, seed, plan),
                            ledger,
                            ModelStore.none(),
                            false,
                            progress);
            return new Baseline(record, baseline.trainedParameters());
        }
    }

    /**
     * Returns the keys of one seed's models that an experiment's ledger should hold: the baseline's
     * (as recorded, under whichever mode), those the modes declare, and the compute-matched
     * controls'.
     *
     * @param engine the engine's name
     * @param plan the plan
     * @param seed the seed
     * @param ledger the experiment's ledger
     * @return the keys
     */
    public static List<ModelKey> keys(
            String engine, ExperimentPlan plan, int seed, RunLedger ledger) {
        List<ModelKey> keys = new ArrayList<>();
        ModelKey baseline = ModelKeys.baseline(engine, seed, plan);
        keys.add(ledger.baseline(baseline).map(RunRecord::modelKey).orElse(baseline));
        for (ExperimentMode mode : plan.arms().mode()) {
            mode.weightedRuns(plan.arms().strategies(), plan.arms().rounds())
                    .forEach(run -> keys.add(ModelKeys.of(engine, seed, plan, run, mode)));
        }
        plan.controls()
                .forEach(c -> keys.add(c.key(engine, seed, plan.baseline().trainingVariant())));
        return keys;
    }
}

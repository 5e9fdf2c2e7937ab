package org.learnability.experiments.bench;

import ai.djl.Model;
import ai.djl.engine.Engine;
import jakarta.inject.Inject;
import java.io.PrintWriter;
import java.util.Locale;
import org.learnability.api.scores.ClassScores;
import org.learnability.api.weights.ClassWeights;
import org.learnability.experiments.plan.PlanCodec;
import org.learnability.experiments.plan.Preset;
import org.learnability.runner.data.Split;
import org.learnability.runner.data.SplitSpec;
import org.learnability.runner.engine.EngineThreads;
import org.learnability.runner.engine.MallocTuning;
import org.learnability.runner.model.ModelArchitecture;
import org.learnability.runner.pipeline.Pipeline;
import org.learnability.runner.pipeline.Session;
import org.learnability.runner.pipeline.SessionOptions;
import org.learnability.runner.pipeline.SessionSpec;
import org.learnability.runner.registry.Registry;
import org.learnability.runner.training.EpochHook;
import org.learnability.runner.training.SplitSource;
import org.learnability.runner.training.TrainingSettings;

/**
 * Measures Learnability's own training pipeline, the {@link Pipeline} that {@code run} uses: the
 * data set loaded and split into a {@link Session}, batches from its training split, training with
 * the weighted loss (all weights 1) and DJL's listeners, and scoring. Nothing of that pipeline is
 * replaced; the benchmark only wraps the batch source ({@link TimedBatchSource}) and listens at the
 * end of every epoch ({@link EpochHook}).
 *
 * <p>Training is Adam with learning rate 1e-3, constant, as in {@code bench/pytorch_reference.py},
 * or, with {@code --preset}, the preset's baseline training, augmentation and test-time
 * augmentation ({@link BenchRecipe}), whose learning-rate schedule spans the benchmark's updates
 * (warm-up and measured batches). The validation split is empty: every training image (or {@code
 * --train-size} of them) trains.
 */
public final class Bench {

    /** How data time is measured, as reported. */
    static final String DATA_TIMING =
            "split iterator hasNext()/next() incl. waiting for lazy arrays, timed by a BatchSource"
                    + " wrapped around ModelTrainer's";

    /** Scoring batches run before the timed scoring pass. */
    static final int SCORING_WARMUP_BATCHES = 2;

    private final Registry<ModelArchitecture> architectures;
    private final Pipeline pipeline;
    private final MallocTuning malloc;
    private final PlanCodec plans;

    /**
     * Creates the benchmark from the application's services.
     *
     * @param architectures the model architectures
     * @param pipeline loads, splits, trains and scores
     * @param malloc what the start-up did to the C allocator, reported
     * @param plans reads a preset's baseline plan
     */
    @Inject
    Bench(
            Registry<ModelArchitecture> architectures,
            Pipeline pipeline,
            MallocTuning malloc,
            PlanCodec plans) {
        this.architectures = architectures;
        this.pipeline = pipeline;
        this.malloc = malloc;
        this.plans = plans;
    }

    /**
     * Returns how the benchmark trains and scores: its own training, or the preset's baseline's.
     *
     * @param spec the benchmark
     * @return the recipe
     */
    public BenchRecipe recipe(BenchSpec spec) {
        if (spec.preset().isEmpty()) {
            return BenchRecipe.defaults(spec.augment());
        }
        Preset preset = spec.preset().get();
        return BenchRecipe.of(preset, plans.baseline(preset), spec.seed(), spec.augment());
    }

    /**
     * Checks what can be checked without an engine: the model name.
     *
     * @param spec the benchmark
     * @return the architecture
     * @throws IllegalArgumentException naming an unknown model and the known ones
     */
    public ModelArchitecture check(BenchSpec spec) {
        return architectures.get(spec.model());
    }

    /**
     * Runs the benchmark.
     *
     * @param spec what to measure
     * @param options devices and the scoring batch size
     * @param progress where a line per round and any warnings go
     * @return the measurements
     */
    public BenchResult run(BenchSpec spec, SessionOptions options, PrintWriter progress) {
        ModelArchitecture architecture = check(spec);
        BenchRecipe recipe = recipe(spec);
        double loadAverage = ProcessCpu.loadAverage();
        SessionSpec data =
                new SessionSpec(
                        spec.dataset(),
                        spec.source(),
                        new SplitSpec(0, spec.trainSize(), spec.seed()),
                        options.withTestTimeAugmentation(recipe.testTime()));
        try (Session session = pipeline.open(data)) {
            // After the input is known to be good, so that a bad file is the only line.
            EngineThreads threads = pipeline.threads();
            threads.warnings().forEach(progress::println);
            progress.flush();
            return measure(spec, recipe, architecture, session, threads, loadAverage, progress);
        }
    }

    private BenchResult measure(
            BenchSpec spec,
            BenchRecipe recipe,
            ModelArchitecture architecture,
            Session session,
            EngineThreads threads,
            double loadAverage,
            PrintWriter progress) {
        Split training = session.splits().training();
        TimedBatchSource source =
                new TimedBatchSource(
                        session.trainingBatches(spec.seed(), recipe.augment()),
                        spec,
                        ProcessCpu::nanos);
        // the trainer's epochs are the benchmark's rounds
        TrainingSettings settings =
                recipe.settings()
                        .withEpochs(source.roundCount())
                        .withBatchSize(spec.batchSize())
                        .withSeed(spec.seed());
        int classes = session.classNames().size();
        RoundLog log = new RoundLog(source, spec, progress);
        Engine djl = session.engine();
        try (Model model = session.newModel(architecture)) {
            ProcessMemory.resetPeak(); // the data set's loading is not training
            session.train(model, source, ClassWeights.uniform(classes), settings, log);

            SplitSource test = SplitSource.inOrder(session.splits().test());
            session.score(model, new FirstBatches(test, SCORING_WARMUP_BATCHES));
            long start = System.nanoTime();
            ClassScores scores = session.score(model, test);
            double scoreSeconds = (System.nanoTime() - start) / 1e9;
            progress.printf(Locale.ROOT, "scoring: %,.0f images/s%n", test.size() / scoreSeconds);
            progress.flush();
            return new BenchResult(
                    new Machine(
                            BenchResult.RUNNER,
                            djl.getEngineName(),
                            djl.getVersion(),
                            Engine.getDjlVersion(),
                            Runtime.version().toString(),
                            threads.intraOp(),
                            threads.interOp(),
                            threads.source(),
                            malloc.description(),
                            loadAverage),
                    new Workload(
                            architecture.name(),
                            spec.dataset().name(),
                            training.size(),
                            test.size(),
                            spec.batchSize(),
                            recipe.toString(),
                            recipe.augment(),
                            spec.warmupBatches()),
                    TrainingRate.of(
                            spec.measuresBatches() ? "chunk" : "epoch",
                            source.measured(),
                            DATA_TIMING),
                    new ScoringRate(
                            test.size() / scoreSeconds,
                            session.spec().options().scoringBatchSize(),
                            scores.accuracy()),
                    log.memory());
        }
    }
}

package org.learnability.experiments.bench;

import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.dataset.Batch;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;
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
import org.learnability.runner.training.BatchSource;
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
        double loadAverage = loadAverage();
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
                        Bench::processCpuNanos);
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

            List<TimedBatchSource.Round> measured = source.measured();
            double seconds = measured.stream().mapToDouble(TimedBatchSource.Round::seconds).sum();
            double dataSeconds =
                    measured.stream().mapToDouble(TimedBatchSource.Round::dataSeconds).sum();
            double cpuSeconds =
                    measured.stream().mapToDouble(TimedBatchSource.Round::cpuSeconds).sum();
            return new BenchResult(
                    BenchResult.RUNNER,
                    djl.getEngineName(),
                    djl.getVersion(),
                    Engine.getDjlVersion(),
                    Runtime.version().toString(),
                    architecture.name(),
                    spec.dataset().name(),
                    training.size(),
                    test.size(),
                    spec.batchSize(),
                    threads.intraOp(),
                    threads.interOp(),
                    threads.source(),
                    malloc.description(),
                    recipe.toString(),
                    recipe.augment(),
                    spec.warmupBatches(),
                    spec.measuresBatches() ? "chunk" : "epoch",
                    measured.stream().mapToLong(TimedBatchSource.Round::batches).sum(),
                    measured.stream().mapToLong(TimedBatchSource.Round::images).sum(),
                    seconds,
                    Spread.of(measured.stream().map(r -> r.images() / r.seconds()).toList()),
                    dataSeconds / seconds,
                    DATA_TIMING,
                    test.size() / scoreSeconds,
                    session.spec().options().scoringBatchSize(),
                    scores.accuracy(),
                    log.peakAfterFirst,
                    log.peakAfterLast,
                    log.residentAfterFirst,
                    log.residentAfterLast,
                    cpuSeconds / seconds,
                    loadAverage);
        }
    }

    /** Ends every round, resets the memory peak after the warm-up, and prints a line per round. */
    private static final class RoundLog implements EpochHook {
        private final TimedBatchSource source;
        private final BenchSpec spec;
        private final PrintWriter progress;
        double peakAfterFirst = -1;
        double peakAfterLast = -1;
        double residentAfterFirst = -1;
        double residentAfterLast = -1;

        RoundLog(TimedBatchSource source, BenchSpec spec, PrintWriter progress) {
            this.source = source;
            this.spec = spec;
            this.progress = progress;
        }

        @Override
        public ClassWeights afterEpoch(int epoch, Model model, ClassWeights current) {
            TimedBatchSource.Round round = source.endRound(epoch);
            if (round.warmup()) {
                ProcessMemory.resetPeak();
                progress.printf(
                        Locale.ROOT,
                        "warm-up: %d batches in %.1f s%n",
                        round.batches(),
                        round.seconds());
            } else {
                int measured = epoch - source.warmupRounds() + 1;
                double peak = ProcessMemory.peakResidentMiB();
                double resident = ProcessMemory.residentMiB();
                if (measured == 1) {
                    peakAfterFirst = peak;
                    residentAfterFirst = resident;
                }
                peakAfterLast = peak;
                residentAfterLast = resident;
                progress.printf(
                        Locale.ROOT,
                        "%s %d/%d: %,.0f images/s, data %.2f%%, peak RSS %,.0f MiB%n",
                        spec.measuresBatches() ? "chunk" : "epoch",
                        measured,
                        spec.measuredRounds(),
                        round.images() / round.seconds(),
                        100 * round.dataSeconds() / round.seconds(),
                        peak);
            }
            progress.flush();
            return current;
        }
    }

    /** The first few batches of a source, for a warm-up. */
    private record FirstBatches(BatchSource source, int count) implements BatchSource {

        @Override
        public long size() {
            return source.size();
        }

        @Override
        public Shape sampleShape() {
            return source.sampleShape();
        }

        @Override
        public Iterable<Batch> batches(int batchSize, int epoch) {
            return () ->
                    new Iterator<>() {
                        private final Iterator<Batch> batches =
                                source.batches(batchSize, epoch).iterator();
                        private int given;

                        @Override
                        public boolean hasNext() {
                            return given < count && batches.hasNext();
                        }

                        @Override
                        public Batch next() {
                            if (!hasNext()) {
                                throw new NoSuchElementException();
                            }
                            given++;
                            return batches.next();
                        }
                    };
        }
    }

    /** Returns this process's CPU time, all threads, in nanoseconds. */
    static long processCpuNanos() {
        if (ManagementFactory.getOperatingSystemMXBean()
                instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime();
        }
        return 0;
    }

    /** Returns the 1-minute load average from {@code /proc/loadavg}, else the JVM's view of it. */
    static double loadAverage() {
        try {
            return Double.parseDouble(
                    Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+")[0]);
        } catch (IOException | RuntimeException e) {
            return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        }
    }
}

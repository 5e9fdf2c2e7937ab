package org.learnability.experiments.bench;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.dataset.Batch;
import com.google.inject.Inject;
import com.google.inject.Provider;
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
import org.learnability.runner.data.Augmentation;
import org.learnability.runner.data.DataSplits;
import org.learnability.runner.data.DatasetLoader;
import org.learnability.runner.data.LoadedDataset;
import org.learnability.runner.data.Split;
import org.learnability.runner.data.SplitSpec;
import org.learnability.runner.engine.MallocTuning;
import org.learnability.runner.model.ImageShape;
import org.learnability.runner.model.ModelFactory;
import org.learnability.runner.training.BatchSource;
import org.learnability.runner.training.EpochHook;
import org.learnability.runner.training.ModelTrainer;
import org.learnability.runner.training.Models;
import org.learnability.runner.training.Scorer;
import org.learnability.runner.training.SplitSource;
import org.learnability.runner.training.TrainingSettings;
import org.learnability.runner.training.TrainingSettings.Optimizer;
import org.learnability.runner.training.TrainingSettings.Schedule;
import org.learnability.runner.wiring.RunnerConfig;

/**
 * Measures Learnability's own training pipeline: the data set loaded and split by {@link
 * DatasetLoader} and {@link DataSplits}, batches from {@link SplitSource}, training by {@link
 * ModelTrainer} with the weighted loss (all weights 1) and DJL's listeners, and scoring by {@link
 * Scorer}. Nothing of that pipeline is replaced; the benchmark only wraps the batch source ({@link
 * TimedBatchSource}) and listens at the end of every epoch ({@link EpochHook}).
 *
 * <p>Training is Adam with learning rate 1e-3, constant, as in {@code bench/pytorch_reference.py}.
 * The validation split is empty: every training image (or {@code --train-size} of them) trains.
 */
public final class Bench {

    /** How data time is measured, as reported. */
    static final String DATA_TIMING =
            "split iterator hasNext()/next() incl. waiting for lazy arrays, timed by a BatchSource wrapped around ModelTrainer's";

    /** Scoring batches run before the timed scoring pass. */
    static final int SCORING_WARMUP_BATCHES = 2;

    private final ModelFactory factory;
    private final DatasetLoader loader;
    private final RunnerConfig config;
    private final Provider<Engine> engine;
    private final Provider<MallocTuning> malloc;
    private final Provider<Device[]> devices;
    private final Provider<Models> models;
    private final Provider<ModelTrainer> trainer;
    private final Provider<Scorer> scorer;

    /**
     * Creates the benchmark from the application's services. Those that load the engine are taken
     * from providers in {@link #run}, so that thread settings made before still apply.
     *
     * @param factory the model architectures
     * @param loader the data set loader
     * @param config the configuration, for the scoring batch size
     * @param engine the engine
     * @param devices the training devices
     * @param models makes models
     * @param trainer trains models
     * @param scorer scores models
     */
    @Inject
    Bench(
            ModelFactory factory,
            DatasetLoader loader,
            RunnerConfig config,
            Provider<Engine> engine,
            Provider<MallocTuning> malloc,
            Provider<Device[]> devices,
            Provider<Models> models,
            Provider<ModelTrainer> trainer,
            Provider<Scorer> scorer) {
        this.factory = factory;
        this.loader = loader;
        this.config = config;
        this.engine = engine;
        this.malloc = malloc;
        this.devices = devices;
        this.models = models;
        this.trainer = trainer;
        this.scorer = scorer;
    }

    /**
     * Asks for the engine's thread counts; call it before anything loads the engine (see {@link
     * EngineThreads}). The counts in effect are read back and reported by {@link #run}.
     *
     * @param intraOp intra-op threads, or 0 for the engine's default
     * @param interOp inter-op threads, or 0 for the engine's default
     */
    public static void requestThreads(int intraOp, int interOp) {
        EngineThreads.request(intraOp, interOp);
    }

    /**
     * Checks what can be checked without an engine: the model name.
     *
     * @param spec the benchmark
     * @throws IllegalArgumentException naming an unknown model and the known ones
     */
    public void check(BenchSpec spec) {
        factory.architecture(spec.model());
    }

    /**
     * Runs the benchmark.
     *
     * @param spec what to measure
     * @param progress where a line per round and any warnings go
     * @return the measurements
     */
    public BenchResult run(BenchSpec spec, PrintWriter progress) {
        check(spec);
        double loadAverage = loadAverage();
        Engine djl = engine.get();
        EngineThreads threads =
                EngineThreads.effective(
                        djl, spec.threads(), spec.interopThreads(), System.getenv());
        try (NDManager manager = djl.newBaseManager(devices.get()[0])) {
            LoadedDataset data = loader.load(spec.dataset(), spec.source(), manager);
            DataSplits splits;
            try {
                splits = DataSplits.create(data, new SplitSpec(0, spec.trainSize(), spec.seed()));
            } catch (RuntimeException e) {
                data.close();
                throw e;
            }
            try (splits) {
                // After the input is known to be good, so that a bad file is the only line.
                threads.warnings().forEach(progress::println);
                progress.flush();
                return measure(spec, splits, djl, threads, loadAverage, progress);
            }
        }
    }

    private BenchResult measure(
            BenchSpec spec,
            DataSplits splits,
            Engine djl,
            EngineThreads threads,
            double loadAverage,
            PrintWriter progress) {
        Split training = splits.training();
        Augmentation augmentation = spec.augment() ? Augmentation.cifar10() : Augmentation.NONE;
        TimedBatchSource source =
                new TimedBatchSource(
                        SplitSource.training(training, spec.seed(), augmentation),
                        spec,
                        Bench::processCpuNanos);
        TrainingSettings settings =
                new TrainingSettings(
                        Optimizer.ADAM,
                        1e-3,
                        0.9,
                        0,
                        source.roundCount(),
                        spec.batchSize(),
                        Schedule.CONSTANT,
                        spec.seed());
        List<String> classNames = splits.classNames();
        RoundLog log = new RoundLog(source, spec, progress);
        try (Model model =
                models.get()
                        .create(
                                spec.model(),
                                ImageShape.of(training.imageShape()),
                                classNames.size())) {
            ProcessMemory.resetPeak(); // the data set's loading is not training
            trainer.get()
                    .train(model, source, ClassWeights.uniform(classNames.size()), settings, log);

            Scorer scoring = scorer.get();
            SplitSource test = SplitSource.inOrder(splits.test());
            scoring.score(model, new FirstBatches(test, SCORING_WARMUP_BATCHES), classNames);
            long start = System.nanoTime();
            ClassScores scores = scoring.score(model, test, classNames);
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
                    factory.architecture(spec.model()).name(),
                    spec.dataset().id(),
                    training.size(),
                    test.size(),
                    spec.batchSize(),
                    threads.intraOp(),
                    threads.interOp(),
                    threads.source(),
                    malloc.get().description(),
                    spec.augment(),
                    spec.warmupBatches(),
                    spec.measuresBatches() ? "chunk" : "epoch",
                    measured.stream().mapToLong(TimedBatchSource.Round::batches).sum(),
                    measured.stream().mapToLong(TimedBatchSource.Round::images).sum(),
                    seconds,
                    Spread.of(measured.stream().map(r -> r.images() / r.seconds()).toList()),
                    dataSeconds / seconds,
                    DATA_TIMING,
                    test.size() / scoreSeconds,
                    config.scoringBatchSize(),
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

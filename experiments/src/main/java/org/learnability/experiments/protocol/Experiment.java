package org.learnability.experiments.protocol;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.learnability.api.registry.StrategyRegistry;
import org.learnability.api.scores.ClassScores;
import org.learnability.api.strategy.WeightStrategy;
import org.learnability.api.weights.ClassWeights;
import org.learnability.experiments.record.RunRecord;
import org.learnability.experiments.record.RunsFile;
import org.learnability.experiments.record.SplitScores;
import org.learnability.experiments.report.ReportFiles;
import org.learnability.experiments.report.ReportWriter;
import org.learnability.experiments.stats.Figures;
import org.learnability.runner.data.Augmentation;
import org.learnability.runner.data.DataSource;
import org.learnability.runner.data.DataSplits;
import org.learnability.runner.data.DatasetLoader;
import org.learnability.runner.data.DatasetName;
import org.learnability.runner.data.LoadedDataset;
import org.learnability.runner.data.SplitSpec;
import org.learnability.runner.engine.MxnetThreads;
import org.learnability.runner.model.ImageShape;
import org.learnability.runner.model.ModelFactory;
import org.learnability.runner.training.EpochHook;
import org.learnability.runner.training.ModelTrainer;
import org.learnability.runner.training.Models;
import org.learnability.runner.training.Scorer;
import org.learnability.runner.training.SplitSource;
import org.learnability.runner.training.TrainingResult;
import org.learnability.runner.training.TrainingSettings;

/**
 * Runs the method of DESIGN.md for a plan, on the selected engine: for every seed a baseline (every
 * class weight 1) and, for every strategy, the weighted models of the plan's mode, each scored on
 * the validation and the test split and appended to {@code runs.jsonl} as soon as it is done; then
 * the report. Models already in {@code runs.jsonl} are skipped, so a run that was stopped continues
 * where it stopped. Every bad input is found before the first model trains.
 */
public final class Experiment {

    private final DatasetLoader loader;
    private final ModelFactory modelFactory;
    private final Models models;
    private final ModelTrainer trainer;
    private final Scorer scorer;
    private final StrategyRegistry registry;
    private final Engine engine;
    private final Device[] devices;

    /**
     * Creates the runner from the injector's services.
     *
     * @param loader loads data sets
     * @param modelFactory the architectures
     * @param models makes models
     * @param trainer trains them
     * @param scorer scores them
     * @param registry the strategies
     * @param engine the engine
     * @param devices the training devices
     */
    @Inject
    public Experiment(
            DatasetLoader loader,
            ModelFactory modelFactory,
            Models models,
            ModelTrainer trainer,
            Scorer scorer,
            StrategyRegistry registry,
            Engine engine,
            Device[] devices) {
        this.loader = loader;
        this.modelFactory = modelFactory;
        this.models = models;
        this.trainer = trainer;
        this.scorer = scorer;
        this.registry = registry;
        this.engine = engine;
        this.devices = devices.clone();
    }

    /**
     * Checks everything that can be checked without training: strategies and their parameters, the
     * model, the data, the output directory, and a plan recorded there before.
     *
     * @param plan the plan
     * @param out the experiment directory
     * @return the strategies, by spec
     * @throws IllegalArgumentException or {@link UncheckedIOException} naming what is wrong
     */
    public Map<String, WeightStrategy> check(ExperimentPlan plan, Path out) {
        Map<String, WeightStrategy> strategies = new LinkedHashMap<>();
        for (String spec : plan.strategies()) {
            strategies.put(spec, registry.create(spec));
        }
        modelFactory.architecture(plan.model());
        DatasetName dataset = DatasetName.parse(plan.dataset());
        if (plan.augment() && dataset != DatasetName.CIFAR10) {
            throw new IllegalArgumentException(
                    "--augment (random crop and flip) is for cifar10, not " + dataset.id());
        }
        if (source(plan) instanceof DataSource.Local local) {
            loader.prepare(dataset, local.path());
        }
        try {
            Files.createDirectories(out);
            Files.delete(Files.createTempFile(out, ".write-check", ".tmp"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write to --out " + out + ": " + e, e);
        }
        PlanFile.recordOrCheck(out, plan);
        return strategies;
    }

    /**
     * Runs the plan: trains what is not yet in {@code runs.jsonl}, then writes the report.
     *
     * @param plan the plan
     * @param out the experiment directory
     * @param log where progress lines go
     * @return the report's files
     */
    public ReportFiles run(ExperimentPlan plan, Path out, PrintWriter log) {
        Map<String, WeightStrategy> strategies = check(plan, out);
        if ("MXNet".equals(engine.getEngineName())) {
            MxnetThreads.fromSystem().warning().ifPresent(log::println);
        }
        Path runs = out.resolve(RunsFile.NAME);
        Map<String, RunRecord> done = new LinkedHashMap<>();
        if (Files.exists(runs)) {
            RunsFile.read(runs).forEach(r -> done.put(r.key(), r));
        }
        Progress progress = new Progress(plan.modelCount(), log);
        for (int seed : plan.seeds()) {
            List<String> keys = keys(plan, seed);
            if (done.keySet().containsAll(keys)) {
                keys.forEach(k -> progress.skip(k));
                continue;
            }
            try (NDManager manager = engine.newBaseManager(devices[0]);
                    LoadedDataset data =
                            loader.load(DatasetName.parse(plan.dataset()), source(plan), manager);
                    DataSplits splits =
                            DataSplits.create(
                                    data, new SplitSpec(plan.valSize(), plan.trainSize(), seed))) {
                new SeedRun(plan, seed, splits, runs, done, progress).run(strategies);
            }
        }
        log.println(
                "all "
                        + plan.modelCount()
                        + " models of "
                        + engine.getEngineName()
                        + " are in "
                        + runs);
        ReportFiles files = ReportWriter.write(out, RunsFile.read(runs));
        log.println("report: " + files.report());
        log.flush();
        return files;
    }

    private List<String> keys(ExperimentPlan plan, int seed) {
        List<String> keys = new ArrayList<>();
        keys.add(key(plan, seed, RunRecord.BASELINE, 0));
        for (String spec : plan.strategies()) {
            for (int round = 1; round <= plan.rounds(); round++) {
                keys.add(key(plan, seed, spec, round));
            }
        }
        return keys;
    }

    private String key(ExperimentPlan plan, int seed, String strategy, int round) {
        return RunRecord.key(engine.getEngineName(), seed, plan.mode(), strategy, round);
    }

    private static DataSource source(ExperimentPlan plan) {
        if (!plan.dataDir().isEmpty()) {
            return DataSource.local(Path.of(plan.dataDir()));
        }
        if (DatasetName.parse(plan.dataset()) == DatasetName.FASHION_MNIST
                && Files.isDirectory(DataSource.DEBIAN_FASHION_MNIST)) {
            return DataSource.local(DataSource.DEBIAN_FASHION_MNIST);
        }
        return DataSource.download();
    }

    /** The models of one seed, on one loaded and split data set. */
    private final class SeedRun {

        private final ExperimentPlan plan;
        private final int seed;
        private final DataSplits splits;
        private final Path runs;
        private final Map<String, RunRecord> done;
        private final Progress progress;
        private final List<String> classNames;

        SeedRun(
                ExperimentPlan plan,
                int seed,
                DataSplits splits,
                Path runs,
                Map<String, RunRecord> done,
                Progress progress) {
            this.plan = plan;
            this.seed = seed;
            this.splits = splits;
            this.runs = runs;
            this.done = done;
            this.progress = progress;
            this.classNames = splits.classNames();
        }

        void run(Map<String, WeightStrategy> strategies) {
            int classes = classNames.size();
            RunRecord baseline =
                    model(RunRecord.BASELINE, 0, ClassWeights.uniform(classes), EpochHook.NONE);
            for (Map.Entry<String, WeightStrategy> entry : strategies.entrySet()) {
                String spec = entry.getKey();
                WeightStrategy strategy = entry.getValue();
                if (plan.parsedMode() == Mode.DYNAMIC) {
                    model(spec, 1, ClassWeights.uniform(classes), dynamicHook(strategy));
                    continue;
                }
                RunRecord previous = baseline;
                for (int round = 1; round <= plan.rounds(); round++) {
                    ClassWeights weights =
                            strategy.weights(
                                    previous.validation().toClassScores(classNames),
                                    weightsOf(previous));
                    previous = model(spec, round, weights, EpochHook.NONE);
                }
            }
        }

        /** Recomputes the weights from the validation scores after every epoch but the last. */
        private EpochHook dynamicHook(WeightStrategy strategy) {
            return (epoch, model, current) -> {
                if (epoch == plan.epochs() - 1) {
                    return current;
                }
                ClassScores validation =
                        scorer.score(
                                model,
                                SplitSource.inOrder(splits.validation().requireUsableForWeights()),
                                classNames);
                return strategy.weights(validation, current);
            };
        }

        /** Returns the recorded model, or trains, scores and records it. */
        private RunRecord model(String strategy, int round, ClassWeights weights, EpochHook hook) {
            String key = key(plan, seed, strategy, round);
            RunRecord recorded = done.get(key);
            if (recorded != null) {
                progress.skip(key);
                return recorded;
            }
            progress.start(key, plan, splits.training().size(), engine, devices[0]);
            TrainingSettings settings = plan.training(seed);
            Augmentation augmentation = plan.augment() ? Augmentation.cifar10() : Augmentation.NONE;
            ImageShape shape = ImageShape.of(splits.training().imageShape());
            try (Model model = models.create(plan.model(), shape, classNames.size())) {
                TrainingResult result =
                        trainer.train(
                                model,
                                SplitSource.training(splits.training(), seed, augmentation),
                                weights,
                                settings,
                                hook);
                ClassScores validation =
                        scorer.score(
                                model,
                                SplitSource.inOrder(splits.validation().requireUsableForWeights()),
                                classNames);
                ClassScores test =
                        scorer.score(model, SplitSource.inOrder(splits.test()), classNames);
                List<ClassWeights> epochWeights = result.epochWeights();
                RunRecord record =
                        new RunRecord(
                                RunRecord.SCHEMA,
                                key,
                                plan.dataset(),
                                plan.model(),
                                engine.getEngineName(),
                                engine.getVersion(),
                                devices[0].toString(),
                                seed,
                                plan.mode(),
                                strategy,
                                round,
                                classNames,
                                epochWeights.get(epochWeights.size() - 1).asList(),
                                epochWeights.stream().map(ClassWeights::asList).toList(),
                                SplitScores.of(validation),
                                SplitScores.of(test),
                                plan.epochs(),
                                splits.training().size(),
                                result.seconds(),
                                result.imagesPerSecond(),
                                Instant.now().toString());
                RunsFile.append(runs, record);
                done.put(key, record);
                progress.finish(record);
                return record;
            }
        }
    }

    private static ClassWeights weightsOf(RunRecord record) {
        return ClassWeights.of(
                record.weights().stream().mapToDouble(Double::doubleValue).toArray());
    }

    /** One line when a model starts and one when it is recorded, numbered over the plan. */
    private static final class Progress {

        private final int total;
        private final PrintWriter log;
        private int index;

        Progress(int total, PrintWriter log) {
            this.total = total;
            this.log = log;
        }

        void skip(String key) {
            index++;
            log.printf("[%d/%d] %s: already in runs.jsonl, skipped%n", index, total, key);
            log.flush();
        }

        void start(String key, ExperimentPlan plan, int images, Engine engine, Device device) {
            index++;
            log.printf(
                    "[%d/%d] %s: training %s for %d epochs on %d images (%s %s, %s)%n",
                    index,
                    total,
                    key,
                    plan.model(),
                    plan.epochs(),
                    images,
                    engine.getEngineName(),
                    engine.getVersion(),
                    device);
            log.flush();
        }

        void finish(RunRecord record) {
            Figures test = Figures.of(record.test());
            log.printf(
                    Locale.ROOT,
                    "        test accuracy %.4f, Var(TPR) %.5f, worst class %s %.3f; %.0f images/s, %.0f s%n",
                    test.accuracy(),
                    test.variance(),
                    record.classNames().get(test.worstClass()),
                    test.worstTpr(),
                    record.imagesPerSecond(),
                    record.wallSeconds());
            log.flush();
        }
    }
}

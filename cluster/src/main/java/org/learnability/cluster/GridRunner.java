package org.learnability.cluster;

import ai.djl.Device;
import ai.djl.MalformedModelException;
import ai.djl.Model;
import ai.djl.ndarray.types.DataType;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.learnability.experiments.io.DirectoryLocks;
import org.learnability.experiments.io.Json;
import org.learnability.experiments.mode.ExperimentMode;
import org.learnability.experiments.plan.BaselinePlan;
import org.learnability.experiments.plan.ExperimentPlan;
import org.learnability.experiments.plan.PlanCodec;
import org.learnability.experiments.plan.PlanFile;
import org.learnability.experiments.plan.PlanOptions;
import org.learnability.experiments.protocol.ExperimentRunner;
import org.learnability.experiments.protocol.ModelStore;
import org.learnability.experiments.protocol.RunLedger;
import org.learnability.experiments.protocol.SaveModels;
import org.learnability.experiments.protocol.SeedRunner;
import org.learnability.experiments.record.ModelKey;
import org.learnability.experiments.record.RunRecord;
import org.learnability.experiments.record.RunsFile;
import org.learnability.experiments.record.SavedModel;
import org.learnability.experiments.report.ChartNames;
import org.learnability.experiments.report.ReportWriter;
import org.learnability.runner.data.DatasetDefinition;
import org.learnability.runner.engine.DeviceSelection;
import org.learnability.runner.engine.EngineSelection;
import org.learnability.runner.pipeline.Pipeline;
import org.learnability.runner.pipeline.SessionOptions;
import org.learnability.runner.training.Models;

/**
 * Runs a grid on Spark, on the driver: expands the grid into experiments (each a plan of {@code
 * run}, in a directory of its own under {@code --out}), checks them all before anything trains or
 * is written, and runs what is not recorded in two stages of Spark tasks, each longest first: the
 * baselines (one task per engine, seed and baseline plan, shared by every experiment whose baseline
 * plan is equal), then the arms built on them (a task per mode and strategy, or per mode for a mode
 * that builds on the baseline's model, with the modes that derive from its models), each fed what
 * it needs of its baseline by the driver: the record, and the parameters the first stage sent back.
 * The driver is the only writer of the experiments' {@code runs.jsonl} and appends each task's
 * records as the task finishes, so a grid killed part-way loses only the models in flight. Then it
 * writes every experiment's report and one over the grid. The driver saves every baseline a task
 * sends back into each experiment directory that shares it ({@link ModelStore}, as {@code run}
 * does), and feeds an arm that builds on a baseline recorded before from its saved file.
 */
public final class GridRunner {

    private final PlanCodec codec;
    private final PlanFile planFile;
    private final ExperimentRunner runner;
    private final Pipeline pipeline;
    private final EngineSelection engine;
    private final Models models;

    /**
     * Creates the runner from the application's services.
     *
     * @param codec turns options into plans
     * @param planFile records plans
     * @param runner checks experiments as {@code run} does
     * @param pipeline checks engines
     * @param engine the process's engine, the grid's when it names none
     * @param models saves and loads the baselines' models on the driver
     */
    @Inject
    public GridRunner(
            PlanCodec codec,
            PlanFile planFile,
            ExperimentRunner runner,
            Pipeline pipeline,
            EngineSelection engine,
            Models models) {
        this.codec = codec;
        this.planFile = planFile;
        this.runner = runner;
        this.pipeline = pipeline;
        this.engine = engine;
        this.models = models;
    }

    /** One experiment of the grid. */
    private record Experiment(String name, Path dir, ExperimentPlan plan, RunLedger ledger) {}

    /**
     * Expands and checks a grid; writes nothing.
     *
     * @param grid the grid
     * @param out the grid's directory
     * @return the experiments, with their ledgers, and whether each plan is recorded
     */
    private Map<Experiment, Boolean> check(GridSpec grid, Path out) {
        SessionOptions options = SessionOptions.defaults().withDevices(DeviceSelection.auto());
        Map<Experiment, Boolean> experiments = new LinkedHashMap<>();
        Set<String> dirs = new HashSet<>();
        for (GridSpec.Named named : grid.experiments()) {
            String name = named.name().isEmpty() ? "experiment" : named.name();
            String slug = ChartNames.slug(name);
            if (!dirs.add(slug)) {
                throw new IllegalArgumentException(
                        grid.file() + ": two experiments would share the directory " + slug);
            }
            Path dir = out.resolve(slug);
            ExperimentPlan plan;
            try {
                plan =
                        codec.resolve(
                                grid.preset(),
                                planFile.recorded(dir),
                                PlanOptions.of(named.options(), grid.file() + " (" + name + ")"));
            } catch (IllegalArgumentException e) {
                throw GridErrors.inExperiment(grid.file(), name, e);
            }
            ExperimentRunner.CheckedRun checked = runner.check(plan, dir, options);
            experiments.put(
                    new Experiment(name, dir, plan, checked.ledger()), checked.planRecorded());
        }
        for (String name : engines(grid)) {
            pipeline.checkEngine(pipeline.engine(Optional.of(name)), DeviceSelection.auto());
        }
        return experiments;
    }

    private List<String> engines(GridSpec grid) {
        return grid.engines().isEmpty() ? List.of(engine.name()) : grid.engines();
    }

    /**
     * Runs a grid: checks it, takes the locks of its directory and of every experiment's ({@link
     * DirectoryLocks}: one process writes an experiment), starts Spark, and only then writes.
     *
     * @param grid the grid
     * @param out the grid's directory
     * @param spark starts Spark once the grid is checked
     * @param threadsPerTask the engine threads of each task
     * @param plugins the plugins directory, passed to the tasks
     * @param saveModels whether the driver saves the baselines ({@code baselines} or {@code none})
     * @param log where progress lines go
     * @param warnings where warnings go
     */
    public void run(
            GridSpec grid,
            Path out,
            SparkStart spark,
            int threadsPerTask,
            Path plugins,
            SaveModels saveModels,
            PrintWriter log,
            PrintWriter warnings) {
        Map<Experiment, Boolean> first = check(grid, out);
        spark.check();
        Map<Path, String> dirs = new LinkedHashMap<>();
        dirs.put(out, "--out " + out);
        first.keySet().forEach(e -> dirs.put(e.dir(), e.dir().toString()));
        try (DirectoryLocks locks = DirectoryLocks.take(dirs)) {
            // another process may have written between the checks and the locks
            Map<Experiment, Boolean> checked = new LinkedHashMap<>();
            first.forEach(
                    (e, recorded) -> {
                        ExperimentRunner.CheckedRun now =
                                runner.recorded(e.plan(), e.dir(), Map.of());
                        if (now.ledger().tornLine() > 0) {
                            warnings.println(
                                    "warning: "
                                            + RunsFile.tornLine(
                                                    now.ledger().file(), now.ledger().tornLine())
                                            + "; its model is trained again");
                        }
                        checked.put(
                                new Experiment(e.name(), e.dir(), e.plan(), now.ledger()),
                                now.planRecorded());
                    });
            run(grid, out, checked, spark, threadsPerTask, plugins, saveModels, log, warnings);
        }
    }

    private void run(
            GridSpec grid,
            Path out,
            Map<Experiment, Boolean> checked,
            SparkStart spark,
            int threadsPerTask,
            Path plugins,
            SaveModels saveModels,
            PrintWriter log,
            PrintWriter warnings) {
        List<Experiment> experiments = List.copyOf(checked.keySet());
        Stages stages = new Stages(experiments, engines(grid), threadsPerTask, plugins.toString());
        List<GridTask> baselines = stages.baselines();
        int arms = stages.arms(Map.of(), null).size();
        int tasks = baselines.size() + arms;
        if (tasks > 0) {
            spark.warning().ifPresent(warnings::println);
            warnings.flush();
        }
        // Spark starts before anything is written: a master that does not work leaves nothing
        try (SparkStart.Running running =
                tasks == 0 ? null : spark.start(Math.max(baselines.size(), arms), out)) {
            checked.forEach(
                    (experiment, recorded) -> {
                        if (!recorded) {
                            planFile.record(experiment.dir(), experiment.plan());
                        }
                    });
            stages.shareRecordedBaselines(warnings);
            int models =
                    experiments.stream().mapToInt(e -> e.plan().modelCount()).sum()
                            * engines(grid).size();
            log.printf(
                    "grid %s: %d experiments, %d models on %s, %d tasks to run (%d baselines, then"
                            + " %d arms)%n",
                    out, experiments.size(), models, engines(grid), tasks, baselines.size(), arms);
            log.flush();
            if (running != null) {
                Map<BaselineId, byte[]> parameters = new HashMap<>();
                if (!baselines.isEmpty()) {
                    SparkJobs.runEach(
                            running.context(),
                            baselines,
                            TaskWorker::run,
                            GridTask.Result.class,
                            (index, result) -> {
                                GridTask task = baselines.get(result.index());
                                Experiment first = stages.experiment(task.experiment());
                                List<Experiment> sharing = stages.sharing(first, task.seed());
                                List<RunRecord> records =
                                        saved(
                                                sharing,
                                                task.engine(),
                                                records(result),
                                                result.parameters(),
                                                saveModels);
                                sharing.forEach(e -> append(e, records, log, warnings));
                                parameters.put(
                                        new BaselineId(
                                                task.engine(),
                                                task.seed(),
                                                first.plan().baseline()),
                                        result.parameters());
                                done(task, records.size(), baselines.size(), "baseline", log);
                            });
                }
                List<GridTask> armTasks = stages.arms(parameters, warnings);
                if (!armTasks.isEmpty()) {
                    SparkJobs.runEach(
                            running.context(),
                            armTasks,
                            TaskWorker::run,
                            GridTask.Result.class,
                            (index, result) -> {
                                GridTask task = armTasks.get(result.index());
                                List<RunRecord> records = records(result);
                                append(
                                        stages.experiment(task.experiment()),
                                        records,
                                        log,
                                        warnings);
                                done(task, records.size(), armTasks.size(), "arm", log);
                            });
                }
            }
        }
        List<Path> dirs = new ArrayList<>();
        for (Experiment e : experiments) {
            ReportWriter.write(e.dir(), e.ledger().records());
            dirs.add(e.dir());
        }
        dirs.sort(null); // name order, as report --out on the grid's directory takes them
        ReportWriter.write(out, dirs, log::println);
        log.println("report: " + out.resolve("report.md"));
        log.flush();
    }

    /**
     * Saves the baseline a task trained into every experiment that shares it, where the grid saves
     * baselines, and returns the task's records with the saved file's checksum in the baseline's.
     */
    private List<RunRecord> saved(
            List<Experiment> sharing,
            String engineName,
            List<RunRecord> records,
            byte[] parameters,
            SaveModels saveModels) {
        if (!saveModels.saves(true) || parameters.length == 0) {
            return records;
        }
        List<RunRecord> out = new ArrayList<>();
        for (RunRecord r : records) {
            SavedModel saved = null;
            for (Experiment e : r.isBaseline() ? sharing : List.<Experiment>of()) {
                SavedModel here =
                        ModelStore.of(e.dir(), saveModels)
                                .save(
                                        r.modelKey(),
                                        dir -> {
                                            try (Model m =
                                                    model(e.plan(), engineName, parameters)) {
                                                models.save(m, dir);
                                            }
                                        });
                saved = saved == null ? here : saved;
            }
            out.add(saved == null ? r : r.withSavedModel(saved));
        }
        return out;
    }

    /** A model of a plan's architecture on the driver's CPU, with parameters a task sent. */
    private Model model(ExperimentPlan plan, String engineName, byte[] parameters) {
        Model model = blank(plan, engineName);
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(parameters))) {
            // initialised first, so that the block knows its inputs' names and Model.save works
            model.getBlock()
                    .initialize(
                            model.getNDManager(),
                            DataType.FLOAT32,
                            data(plan).imageShape().batch(1));
            model.getBlock().loadParameters(model.getNDManager(), in);
            return model;
        } catch (IOException | MalformedModelException | RuntimeException e) {
            model.close();
            throw new IllegalStateException(
                    "cannot make the baseline's model from a task's parameters: " + e.getMessage(),
                    e);
        }
    }

    private Model blank(ExperimentPlan plan, String engineName) {
        pipeline.engine(Optional.of(engineName));
        DatasetDefinition data = data(plan);
        return models.create(
                plan.baseline().model(),
                data.imageShape(),
                data.numClasses(),
                Device.cpu(),
                engineName);
    }

    /** A plan's data set as its data makes it (a user's folder or table: its classes, shape). */
    private DatasetDefinition data(ExperimentPlan plan) {
        BaselinePlan b = plan.baseline();
        return pipeline.dataset(b.dataset(), b.source(), b.dataOptions());
    }

    /**
     * The parameters of a recorded baseline from its saved file in an experiment directory, for the
     * arms that build on it; empty (with one warning where the file is missing or damaged) if there
     * is none to load, and the task trains it again.
     */
    private byte[] savedParameters(Experiment e, RunRecord baseline, PrintWriter warnings) {
        pipeline.engine(Optional.of(baseline.provenance().engine()));
        DatasetDefinition data = data(e.plan());
        ModelStore.Loading loading =
                ModelStore.of(e.dir(), SaveModels.NONE)
                        .load(
                                baseline,
                                dir ->
                                        models.load(
                                                e.plan().baseline().model(),
                                                data.imageShape(),
                                                data.numClasses(),
                                                Device.cpu(),
                                                baseline.provenance().engine(),
                                                dir));
        if (loading instanceof ModelStore.Loaded loaded) {
            try (Model model = loaded.model()) {
                ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                try (DataOutputStream out = new DataOutputStream(bytes)) {
                    model.getBlock().saveParameters(out);
                } catch (IOException ex) {
                    throw new UncheckedIOException(ex);
                }
                return bytes.toByteArray();
            }
        }
        if (loading instanceof ModelStore.Damaged damaged) {
            warnings.println(
                    "warning: "
                            + e.name()
                            + ": "
                            + baseline.key()
                            + ": its saved model "
                            + damaged.path()
                            + " "
                            + damaged.why()
                            + "; the arms built on it train it again (its record stays)");
            warnings.flush();
        }
        return new byte[0];
    }

    /** A seed's baseline on an engine: what experiments with equal baseline plans share. */
    private record BaselineId(String engine, int seed, BaselinePlan plan) {}

    private static List<RunRecord> records(GridTask.Result result) {
        return result.records().stream().map(j -> Json.GSON.fromJson(j, RunRecord.class)).toList();
    }

    /** Appends records to an experiment's runs.jsonl, each key once; warns of a collapse. */
    private static void append(
            Experiment e, List<RunRecord> records, PrintWriter log, PrintWriter warnings) {
        for (RunRecord record : records) {
            if (!e.ledger().containsAll(List.of(record.modelKey()))) {
                e.ledger().append(record);
                if (record.scores().collapse() != null) {
                    log.flush();
                    warnings.println(
                            "warning: "
                                    + e.name()
                                    + ": "
                                    + record.scores().collapse().warning(record));
                    warnings.flush();
                }
            }
        }
    }

    private static void done(GridTask task, int models, int of, String stage, PrintWriter log) {
        log.printf(
                "%s task %d of %d done: %s, %d models recorded%n",
                stage, task.index() + 1, of, task.what(), models);
        log.flush();
    }

    /**
     * The grid's tasks: first the baselines no experiment holds, one per engine, seed and baseline
     * plan; then every arm that is not recorded, fed the baselines' records and, where the first
     * stage trained them, parameters. Each stage longest first.
     */
    private final class Stages {

        private final List<Experiment> experiments;
        private final List<String> engines;
        private final int threads;
        private final String plugins;

        Stages(List<Experiment> experiments, List<String> engines, int threads, String plugins) {
            this.experiments = experiments;
            this.engines = engines;
            this.threads = threads;
            this.plugins = plugins;
        }

        Experiment experiment(String name) {
            return experiments.stream()
                    .filter(e -> e.name().equals(name))
                    .findFirst()
                    .orElseThrow();
        }

        /** The experiments of a seed that share an experiment's baseline plan. */
        List<Experiment> sharing(Experiment first, int seed) {
            return experiments.stream()
                    .filter(e -> e.plan().baseline().equals(first.plan().baseline()))
                    .filter(e -> e.plan().seeds().contains(seed))
                    .toList();
        }

        List<GridTask> baselines() {
            List<GridTask> tasks = new ArrayList<>();
            Set<BaselineId> seen = new HashSet<>();
            for (String engine : engines) {
                for (Experiment e : experiments) {
                    for (int seed : e.plan().seeds()) {
                        if (!seen.add(new BaselineId(engine, seed, e.plan().baseline()))) {
                            continue;
                        }
                        boolean recorded =
                                sharing(e, seed).stream()
                                        .anyMatch(
                                                x -> recordedBaseline(engine, seed, x).isPresent());
                        if (!recorded) {
                            tasks.add(task(engine, seed, e, "", List.of(), new byte[0], images(e)));
                        }
                    }
                }
            }
            return ordered(tasks);
        }

        /**
         * Gives every experiment the baseline that another experiment with the same baseline plan
         * recorded for a seed, before the arms that build on it run.
         */
        void shareRecordedBaselines(PrintWriter warnings) {
            PrintWriter none = new PrintWriter(java.io.Writer.nullWriter());
            for (String engine : engines) {
                for (Experiment e : experiments) {
                    for (int seed : e.plan().seeds()) {
                        Optional<RunRecord> recorded = recordedBaseline(engine, seed, e);
                        if (recorded.isPresent()) {
                            for (Experiment x : sharing(e, seed)) {
                                append(x, List.of(recorded.get()), none, warnings);
                            }
                        }
                    }
                }
            }
        }

        /**
         * The arm tasks not recorded; with {@code warnings}, each fed its baseline's parameters:
         * those the first stage sent back, else those of the baseline's saved file where an arm
         * builds on its model.
         */
        List<GridTask> arms(Map<BaselineId, byte[]> parameters, PrintWriter warnings) {
            List<GridTask> tasks = new ArrayList<>();
            Map<BaselineId, byte[]> loaded = new HashMap<>(parameters);
            for (String engine : engines) {
                for (Experiment e : experiments) {
                    for (int seed : e.plan().seeds()) {
                        BaselineId id = new BaselineId(engine, seed, e.plan().baseline());
                        Optional<RunRecord> recorded = recordedBaseline(engine, seed, e);
                        if (warnings != null
                                && !loaded.containsKey(id)
                                && recorded.isPresent()
                                && e.plan().arms().mode().stream()
                                        .anyMatch(ExperimentMode::usesBaselineModel)
                                && !e.ledger()
                                        .containsAll(
                                                SeedRunner.keys(
                                                        engine, e.plan(), seed, e.ledger()))) {
                            loaded.put(id, savedParameters(e, recorded.get(), warnings));
                        }
                        byte[] params = loaded.getOrDefault(id, new byte[0]);
                        for (ExperimentMode mode : e.plan().arms().mode()) {
                            if (mode.source().isPresent()) {
                                continue; // in the task of the mode it derives from
                            }
                            List<ExperimentMode> modes = withDerived(e.plan(), mode);
                            // a mode that trains from scratch: a task per strategy; one that
                            // builds on the baseline's model: one task, the model loaded once
                            List<List<String>> units =
                                    mode.trains() && !mode.usesBaselineModel()
                                            ? e.plan().arms().strategies().stream()
                                                    .map(List::of)
                                                    .toList()
                                            : List.of(e.plan().arms().strategies());
                            for (List<String> strategies : units) {
                                ExperimentPlan arm = arm(e.plan(), modes, strategies);
                                List<ModelKey> keys =
                                        SeedRunner.keys(engine, arm, seed, e.ledger());
                                List<ModelKey> weighted = keys.subList(1, keys.size());
                                if (!weighted.isEmpty() && !e.ledger().containsAll(weighted)) {
                                    tasks.add(
                                            task(
                                                    engine,
                                                    seed,
                                                    e,
                                                    String.join(
                                                            ",",
                                                            modes.stream()
                                                                    .map(ExperimentMode::name)
                                                                    .toList()),
                                                    strategies,
                                                    params,
                                                    cost(e.plan(), mode, weighted.size())));
                                }
                            }
                        }
                    }
                }
            }
            return ordered(tasks);
        }

        private Optional<RunRecord> recordedBaseline(String engine, int seed, Experiment e) {
            ModelKey key = SeedRunner.keys(engine, e.plan(), seed, e.ledger()).get(0);
            return e.ledger().records().stream().filter(r -> r.modelKey().equals(key)).findFirst();
        }

        private GridTask task(
                String engine,
                int seed,
                Experiment e,
                String mode,
                List<String> strategies,
                byte[] parameters,
                long cost) {
            return new GridTask(
                    0,
                    engine,
                    seed,
                    threads,
                    plugins,
                    e.name(),
                    codec.encode(e.plan()).toString(),
                    e.ledger().records().stream()
                            .filter(
                                    r ->
                                            r.provenance().engine().equals(engine)
                                                    && r.provenance().seed() == seed)
                            .map(Json.GSON::toJson)
                            .toList(),
                    mode,
                    strategies,
                    parameters,
                    cost);
        }
    }

    /**
     * Returns the part of a plan that one mode makes for some strategies.
     *
     * @param plan the plan
     * @param mode one of its modes
     * @param strategies some of its strategies
     * @return the arm's plan
     */
    static ExperimentPlan arm(
            ExperimentPlan plan, List<ExperimentMode> modes, List<String> strategies) {
        return new ExperimentPlan(
                plan.preset(), plan.baseline(), plan.seeds(), plan.arms().only(modes, strategies));
    }

    /** A mode of a plan with the plan's modes that derive from its models, in the plan's order. */
    private static List<ExperimentMode> withDerived(ExperimentPlan plan, ExperimentMode mode) {
        List<ExperimentMode> modes = new ArrayList<>(List.of(mode));
        plan.arms().mode().stream()
                .filter(m -> m.source().equals(Optional.of(mode.name())))
                .forEach(modes::add);
        return modes;
    }

    /**
     * The images a task trains on, for ordering: a fine-tune's epochs, a head's features (about one
     * epoch's pass), or whole trainings.
     */
    private static long cost(ExperimentPlan plan, ExperimentMode mode, int models) {
        if (!mode.trains()) {
            return 1;
        }
        long epoch = images(plan) / plan.baseline().epochs();
        long perModel =
                mode.finetunes()
                        ? epoch * plan.arms().finetuneEpochs()
                        : mode.retrainsHead() ? epoch : images(plan);
        return Math.max(1, perModel * models);
    }

    private static List<GridTask> ordered(List<GridTask> tasks) {
        List<GridTask> sorted = new ArrayList<>(tasks);
        sorted.sort(Comparator.comparingLong(GridTask::cost).reversed());
        List<GridTask> indexed = new ArrayList<>();
        for (int i = 0; i < sorted.size(); i++) {
            indexed.add(sorted.get(i).at(i));
        }
        return indexed;
    }

    private static long images(Experiment e) {
        return images(e.plan());
    }

    /** The images a model of a plan trains on, for ordering tasks. */
    private static long images(ExperimentPlan plan) {
        int train = plan.baseline().trainSize() == 0 ? 50_000 : plan.baseline().trainSize();
        return (long) train * plan.baseline().epochs();
    }
}

package org.learnability.cluster;

import com.google.gson.JsonObject;
import jakarta.inject.Inject;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.learnability.experiments.io.DirectoryLocks;
import org.learnability.experiments.io.Json;
import org.learnability.experiments.plan.ExperimentPlan;
import org.learnability.experiments.plan.PlanCodec;
import org.learnability.experiments.plan.PlanFile;
import org.learnability.experiments.plan.PlanOptions;
import org.learnability.experiments.protocol.ExperimentRunner;
import org.learnability.experiments.protocol.RunLedger;
import org.learnability.experiments.record.RunRecord;
import org.learnability.experiments.record.RunsFile;
import org.learnability.experiments.report.ChartNames;
import org.learnability.experiments.report.ReportWriter;
import org.learnability.runner.engine.DeviceSelection;
import org.learnability.runner.engine.EngineSelection;
import org.learnability.runner.pipeline.Pipeline;
import org.learnability.runner.pipeline.SessionOptions;

/**
 * Runs a grid on Spark, on the driver: expands the grid into experiments (each a plan of {@code
 * run}, in a directory of its own under {@code --out}), checks them all before anything trains or
 * is written, groups their models into tasks of one engine and seed (a baseline and every model
 * built on it), leaves out what is recorded, runs the tasks longest first and appends each task's
 * records, as it succeeds, to its experiments' {@code runs.jsonl} (the driver is their only
 * writer), then writes every experiment's report and one over the grid.
 */
public final class GridRunner {

    /**
     * The plan options that do not change a baseline: what a seed chain's experiments differ in.
     */
    private static final List<String> WEIGHTING_KEYS =
            List.of(
                    "preset",
                    "seeds",
                    "strategies",
                    "mode",
                    "rounds",
                    "loss",
                    "apply",
                    "weightEma",
                    "uniformMix",
                    "warmupEpochs",
                    "maxAccuracyDrop",
                    "maxWeightRatio",
                    "collapseThreshold",
                    "scoreEpochs");

    private final PlanCodec codec;
    private final PlanFile planFile;
    private final ExperimentRunner runner;
    private final Pipeline pipeline;
    private final EngineSelection engine;

    /**
     * Creates the runner from the application's services.
     *
     * @param codec turns options into plans
     * @param planFile records plans
     * @param runner checks experiments as {@code run} does
     * @param pipeline checks engines
     * @param engine the process's engine, the grid's when it names none
     */
    @Inject
    public GridRunner(
            PlanCodec codec,
            PlanFile planFile,
            ExperimentRunner runner,
            Pipeline pipeline,
            EngineSelection engine) {
        this.codec = codec;
        this.planFile = planFile;
        this.runner = runner;
        this.pipeline = pipeline;
        this.engine = engine;
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
     * @param log where progress lines go
     * @param warnings where warnings go
     */
    public void run(
            GridSpec grid,
            Path out,
            SparkStart spark,
            int threadsPerTask,
            Path plugins,
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
            run(grid, out, checked, spark, threadsPerTask, plugins, log, warnings);
        }
    }

    private void run(
            GridSpec grid,
            Path out,
            Map<Experiment, Boolean> checked,
            SparkStart spark,
            int threadsPerTask,
            Path plugins,
            PrintWriter log,
            PrintWriter warnings) {
        List<Experiment> experiments = List.copyOf(checked.keySet());
        List<ChainTask> tasks = tasks(grid, experiments, threadsPerTask, plugins);
        if (!tasks.isEmpty()) {
            spark.warning().ifPresent(warnings::println);
            warnings.flush();
        }
        // Spark starts before anything is written: a master that does not work leaves nothing
        try (SparkStart.Running running = tasks.isEmpty() ? null : spark.start(tasks.size(), out)) {
            checked.forEach(
                    (experiment, recorded) -> {
                        if (!recorded) {
                            planFile.record(experiment.dir(), experiment.plan());
                        }
                    });
            int models =
                    experiments.stream().mapToInt(e -> e.plan().modelCount()).sum()
                            * engines(grid).size();
            log.printf(
                    "grid %s: %d experiments, %d models on %s, %d tasks to run%n",
                    out, experiments.size(), models, engines(grid), tasks.size());
            log.flush();
            if (running != null) {
                Map<String, Experiment> byName = new LinkedHashMap<>();
                experiments.forEach(e -> byName.put(e.name(), e));
                SparkJobs.runEach(
                        running.context(),
                        tasks,
                        ChainWorker::run,
                        ChainTask.Result.class,
                        (index, result) -> record(result, byName, tasks, log, warnings));
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

    /** Appends a task's records to their experiments' runs.jsonl, each key once. */
    private static void record(
            ChainTask.Result result,
            Map<String, Experiment> experiments,
            List<ChainTask> tasks,
            PrintWriter log,
            PrintWriter warnings) {
        int fresh = 0;
        for (ChainTask.Recorded recorded : result.records()) {
            RunLedger ledger = experiments.get(recorded.member()).ledger();
            RunRecord record = Json.GSON.fromJson(recorded.json(), RunRecord.class);
            if (!ledger.containsAll(List.of(record.key()))) {
                ledger.append(record);
                fresh++;
                if (record.collapse() != null) {
                    log.flush();
                    warnings.println(
                            "warning: "
                                    + recorded.member()
                                    + ": "
                                    + record.collapse().warning(record));
                    warnings.flush();
                }
            }
        }
        ChainTask task = tasks.get(result.index());
        log.printf(
                "task %d of %d done: %s seed %d, %d models recorded%n",
                result.index() + 1, tasks.size(), task.engine(), task.seed(), fresh);
        log.flush();
    }

    /**
     * The tasks: one per engine, seed and baseline, with every experiment that builds on it and
     * still lacks a model; longest first.
     */
    private List<ChainTask> tasks(
            GridSpec grid, List<Experiment> experiments, int threads, Path plugins) {
        Map<String, List<Experiment>> byBaseline = new LinkedHashMap<>();
        for (Experiment e : experiments) {
            JsonObject baseline = codec.encode(e.plan());
            WEIGHTING_KEYS.forEach(baseline::remove);
            byBaseline.computeIfAbsent(baseline.toString(), k -> new ArrayList<>()).add(e);
        }
        List<ChainTask> tasks = new ArrayList<>();
        for (String name : engines(grid)) {
            for (List<Experiment> chain : byBaseline.values()) {
                Set<Integer> seeds = new java.util.TreeSet<>();
                chain.forEach(e -> seeds.addAll(e.plan().seeds()));
                for (int seed : seeds) {
                    List<ChainTask.Member> members = new ArrayList<>();
                    long cost = 0;
                    for (Experiment e : chain) {
                        if (!e.plan().seeds().contains(seed)) {
                            continue;
                        }
                        List<RunRecord> recorded =
                                e.ledger().records().stream()
                                        .filter(r -> r.engine().equals(name) && r.seed() == seed)
                                        .toList();
                        int missing = 1 + e.plan().weightedRuns().size() - recorded.size();
                        if (missing > 0) {
                            members.add(
                                    new ChainTask.Member(
                                            e.name(),
                                            codec.encode(e.plan()).toString(),
                                            recorded.stream().map(Json.GSON::toJson).toList()));
                            cost += (long) missing * images(e.plan());
                        }
                    }
                    if (!members.isEmpty()) {
                        tasks.add(
                                new ChainTask(
                                        0, name, seed, threads, plugins.toString(), members, cost));
                    }
                }
            }
        }
        tasks.sort(Comparator.comparingLong(ChainTask::cost).reversed());
        List<ChainTask> indexed = new ArrayList<>();
        for (int i = 0; i < tasks.size(); i++) {
            indexed.add(tasks.get(i).at(i));
        }
        return indexed;
    }

    /** The images a model of a plan trains on, for ordering tasks. */
    private static long images(ExperimentPlan plan) {
        int train = plan.trainSize() == 0 ? 50_000 : plan.trainSize();
        return (long) train * plan.training().epochs();
    }
}

package org.learnability.cluster;

import jakarta.inject.Inject;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.learnability.cluster.driver.BaselineModels;
import org.learnability.cluster.driver.GridExperiment;
import org.learnability.cluster.driver.GridStages;
import org.learnability.cluster.driver.StageRunner;
import org.learnability.cluster.spark.RunningSpark;
import org.learnability.cluster.spark.SparkStart;
import org.learnability.cluster.task.GridTask;
import org.learnability.experiments.io.DirectoryLocks;
import org.learnability.experiments.plan.PlanCodec;
import org.learnability.experiments.plan.PlanFile;
import org.learnability.experiments.protocol.ModelStore;
import org.learnability.experiments.protocol.SaveModels;
import org.learnability.experiments.report.ReportWriter;

/**
 * Runs a grid on Spark, on the driver: expands the grid into experiments (each a plan of {@code
 * run}, in a directory of its own under {@code --out}; {@link GridExperiments}), checks them all
 * before anything trains or is written, and runs what is not recorded in two stages of Spark tasks,
 * each longest first: the baselines (one task per engine, seed and baseline plan, shared by every
 * experiment whose baseline plan is equal), then the arms built on them (a task per mode and
 * strategy, or per mode for a mode that builds on the baseline's model, with the modes that derive
 * from its models), each fed what it needs of its baseline by the driver: the record, and the
 * parameters the first stage sent back ({@link GridStages}). The driver is the only writer of the
 * experiments' {@code runs.jsonl} and appends each task's records as the task finishes ({@link
 * StageRunner}), so a grid killed part-way loses only the models in flight. Then it writes every
 * experiment's report and one over the grid. The driver saves every baseline a task sends back into
 * each experiment directory that shares it ({@link ModelStore}, as {@code run} does), and feeds an
 * arm that builds on a baseline recorded before from its saved file ({@link BaselineModels}).
 */
public final class GridRunner {

    private final GridExperiments gridExperiments;
    private final PlanCodec codec;
    private final PlanFile planFile;
    private final BaselineModels baselineModels;

    /**
     * Creates the runner from the application's services.
     *
     * @param gridExperiments expands and checks grids
     * @param codec writes the tasks' plans
     * @param planFile records plans
     * @param baselineModels saves and loads the baselines' models on the driver
     */
    @Inject
    GridRunner(
            GridExperiments gridExperiments,
            PlanCodec codec,
            PlanFile planFile,
            BaselineModels baselineModels) {
        this.gridExperiments = gridExperiments;
        this.codec = codec;
        this.planFile = planFile;
        this.baselineModels = baselineModels;
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
        Map<GridExperiment, Boolean> first = gridExperiments.check(grid, out);
        spark.check();
        Map<Path, String> dirs = new LinkedHashMap<>();
        dirs.put(out, "--out " + out);
        first.keySet().forEach(e -> dirs.put(e.dir(), e.dir().toString()));
        try (DirectoryLocks locks = DirectoryLocks.take(dirs)) {
            Map<GridExperiment, Boolean> checked = gridExperiments.checkAgain(first, warnings);
            List<GridExperiment> experiments = List.copyOf(checked.keySet());
            List<String> engines = gridExperiments.engines(grid);
            GridStages stages =
                    new GridStages(
                            experiments,
                            engines,
                            threadsPerTask,
                            plugins.toString(),
                            codec,
                            baselineModels);
            List<GridTask> baselines = stages.baselines();
            int arms = stages.armCount();
            int tasks = baselines.size() + arms;
            if (tasks > 0) {
                spark.warning().ifPresent(warnings::println);
                warnings.flush();
            }
            // Spark starts before anything is written: a master that does not work leaves nothing
            try (RunningSpark running =
                    tasks == 0 ? null : spark.start(Math.max(baselines.size(), arms), out)) {
                recordPlans(checked);
                stages.shareRecordedBaselines(warnings);
                int models =
                        experiments.stream().mapToInt(e -> e.plan().modelCount()).sum()
                                * engines.size();
                log.printf(
                        "grid %s: %d experiments, %d models on %s, %d tasks to run (%d baselines,"
                                + " then %d arms)%n",
                        out, experiments.size(), models, engines, tasks, baselines.size(), arms);
                log.flush();
                if (running != null) {
                    new StageRunner(stages, baselineModels, saveModels, log, warnings)
                            .run(running.context(), baselines);
                }
            }
            writeReports(out, experiments, log);
        }
    }

    /** Records the plans of the experiments that have none recorded. */
    private void recordPlans(Map<GridExperiment, Boolean> checked) {
        checked.forEach(
                (experiment, recorded) -> {
                    if (!recorded) {
                        planFile.record(experiment.dir(), experiment.plan());
                    }
                });
    }

    /** Writes every experiment's report, then the grid's over them all. */
    private static void writeReports(Path out, List<GridExperiment> experiments, PrintWriter log) {
        List<Path> dirs = new ArrayList<>();
        for (GridExperiment e : experiments) {
            ReportWriter.write(e.dir(), e.ledger().records());
            dirs.add(e.dir());
        }
        dirs.sort(null); // name order, as report --out on the grid's directory takes them
        ReportWriter.write(out, dirs, log::println);
        log.println("report: " + out.resolve("report.md"));
        log.flush();
    }
}

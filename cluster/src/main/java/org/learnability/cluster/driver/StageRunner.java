package org.learnability.cluster.driver;

import java.io.PrintWriter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.JavaSparkContext;
import org.learnability.cluster.spark.SparkJobs;
import org.learnability.cluster.task.GridTask;
import org.learnability.cluster.task.RecordLines;
import org.learnability.cluster.task.TaskWorker;
import org.learnability.experiments.io.Counted;
import org.learnability.experiments.protocol.SaveModels;
import org.learnability.experiments.record.RunRecord;

/**
 * Runs a grid's two stages of tasks on Spark ({@link TaskWorker} on the executors): the baselines,
 * each saved into ({@link BaselineModels}) and appended to every experiment that shares it, its
 * parameters kept for the arms; then the arms, each appended to its experiment. The driver appends
 * each task's records as the task finishes, so a grid killed part-way loses only the models in
 * flight.
 */
public final class StageRunner {

    private final GridStages stages;
    private final BaselineModels models;
    private final SaveModels saveModels;
    private final PrintWriter log;
    private final PrintWriter warnings;

    /**
     * Creates the runner of a grid's stages.
     *
     * @param stages the grid's tasks
     * @param models saves the baselines
     * @param saveModels whether the driver saves the baselines ({@code baselines} or {@code none})
     * @param log where progress lines go
     * @param warnings where warnings go
     */
    public StageRunner(
            GridStages stages,
            BaselineModels models,
            SaveModels saveModels,
            PrintWriter log,
            PrintWriter warnings) {
        this.stages = stages;
        this.models = models;
        this.saveModels = saveModels;
        this.log = log;
        this.warnings = warnings;
    }

    /**
     * Runs the baselines, then the arms built on them.
     *
     * @param context the driver's Spark context
     * @param baselines the first stage's tasks ({@link GridStages#baselines})
     */
    public void run(JavaSparkContext context, List<GridTask> baselines) {
        Map<BaselineId, byte[]> parameters = new HashMap<>();
        runStage(
                context,
                baselines,
                "baseline",
                (task, result) -> {
                    GridExperiment first = stages.experiment(task.experiment());
                    List<GridExperiment> sharing = stages.sharing(first, task.seed());
                    List<RunRecord> records =
                            models.saved(
                                    sharing,
                                    task.engine(),
                                    RecordLines.read(result.records()),
                                    result.parameters(),
                                    saveModels);
                    sharing.forEach(e -> e.append(records, log, warnings));
                    parameters.put(
                            new BaselineId(task.engine(), task.seed(), first.plan().baseline()),
                            result.parameters());
                    return records;
                });
        runStage(
                context,
                stages.arms(parameters, warnings),
                "arm",
                (task, result) -> {
                    List<RunRecord> records = RecordLines.read(result.records());
                    stages.experiment(task.experiment()).append(records, log, warnings);
                    return records;
                });
    }

    /** What the driver does with a task's result as the task succeeds. */
    @FunctionalInterface
    private interface Recorder {
        /** Records a task's result; returns the records. */
        List<RunRecord> record(GridTask task, GridTask.Result result);
    }

    /** Runs a stage's tasks, if any, recording each as it succeeds. */
    private void runStage(
            JavaSparkContext context, List<GridTask> tasks, String stage, Recorder recorder) {
        if (tasks.isEmpty()) {
            return;
        }
        SparkJobs.runEach(
                context,
                tasks,
                TaskWorker::run,
                GridTask.Result.class,
                (index, result) -> {
                    GridTask task = tasks.get(result.index());
                    List<RunRecord> records = recorder.record(task, result);
                    done(task, records.size(), tasks.size(), stage);
                });
    }

    private void done(GridTask task, int models, int of, String stage) {
        log.printf(
                "%s task %d of %d done: %s, %s recorded%n",
                stage, task.index() + 1, of, task.what(), Counted.of(models, "model"));
        log.flush();
    }
}

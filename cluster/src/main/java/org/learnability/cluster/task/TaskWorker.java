package org.learnability.cluster.task;

import ai.djl.engine.Engine;
import com.google.gson.JsonObject;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.apache.spark.TaskContext;
import org.apache.spark.resource.ResourceInformation;
import org.learnability.experiments.app.Application;
import org.learnability.experiments.io.Json;
import org.learnability.experiments.plan.ExperimentPlan;
import org.learnability.experiments.plan.PlanCodec;
import org.learnability.experiments.plan.PlanOptions;
import org.learnability.experiments.protocol.RunLedger;
import org.learnability.experiments.protocol.RunProgress;
import org.learnability.experiments.protocol.SeedRunner;
import org.learnability.runner.engine.DeviceSelection;
import org.learnability.runner.engine.EngineThreads;
import org.learnability.runner.engine.GradMode;
import org.learnability.runner.engine.ThreadRequest;
import org.learnability.runner.pipeline.Pipeline;
import org.learnability.runner.pipeline.Session;
import org.learnability.runner.pipeline.SessionOptions;

/**
 * Runs a {@link GridTask} on an executor through the same {@link SeedRunner} as {@code run}: the
 * seed's data loaded and split, then the baseline alone (sending back its record and parameters),
 * or one arm on the recorded baseline (sending back its records). The driver is the only writer of
 * {@code runs.jsonl}. The task's engine threads are set to the grid's {@code --threads-per-task},
 * and on a cluster with GPUs the task trains on the GPU Spark assigned it.
 */
public final class TaskWorker {

    private TaskWorker() {}

    /**
     * Runs a task.
     *
     * @param task the task
     * @param context Spark's context of the task, for its GPU; null outside Spark
     * @return the new records, and a baseline's parameters
     */
    public static GridTask.Result run(GridTask task, TaskContext context) {
        ThreadRequest threads = new ThreadRequest(task.threads(), 0);
        Application application = WorkerApplication.get(Path.of(task.pluginsDir()), threads);
        SeedRunner runner = application.get(SeedRunner.class);
        Pipeline pipeline = application.get(Pipeline.class);
        Engine engine = pipeline.engine(Optional.of(task.engine()));
        EngineThreads.effective(engine, threads, System.getenv());
        // an executor's thread did not load the engine: it computes as the loading thread does
        try (GradMode off = GradMode.off(engine)) {
            return train(task, context, application, runner);
        }
    }

    /** The task's models, on the calling thread as {@link #run} prepared it. */
    private static GridTask.Result train(
            GridTask task, TaskContext context, Application application, SeedRunner runner) {
        ExperimentPlan plan =
                application
                        .get(PlanCodec.class)
                        .decode(
                                PlanOptions.of(
                                        Json.GSON.fromJson(task.plan(), JsonObject.class),
                                        "grid experiment " + task.experiment()));
        RunLedger ledger = RunLedger.inMemory(RecordLines.read(task.recorded()));
        SessionOptions options =
                SessionOptions.defaults().withDevices(devices(context)).withProgress(false);
        PrintWriter log = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
        PrintWriter warnings = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
        byte[] parameters = new byte[0];
        try (Session session =
                runner.open(plan, task.seed(), options, Optional.of(task.engine()))) {
            if (task.baseline()) {
                parameters =
                        runner.baseline(
                                        session,
                                        task.seed(),
                                        plan,
                                        ledger,
                                        new RunProgress(
                                                1,
                                                log,
                                                warnings,
                                                plan.baseline().dataset().input()))
                                .parameters()
                                .orElse(parameters);
            } else {
                ExperimentPlan arm =
                        ArmPlans.of(plan, ArmPlans.named(plan, task.mode()), task.strategies());
                runner.run(
                        session,
                        task.seed(),
                        List.of(new SeedRunner.Experiment(arm, ledger)),
                        new RunProgress(
                                arm.modelCount() / arm.seeds().size(),
                                log,
                                warnings,
                                plan.baseline().dataset().input()),
                        task.baselineParameters().length == 0
                                ? Optional.empty()
                                : Optional.of(task.baselineParameters()));
            }
        }
        return new GridTask.Result(task.index(), RecordLines.write(ledger.appended()), parameters);
    }

    /**
     * The GPU Spark gave the task (spark.task.resource.gpu.amount=1), else every GPU or the CPU.
     */
    private static DeviceSelection devices(TaskContext context) {
        if (context != null) {
            ResourceInformation gpu = context.resourcesJMap().get("gpu");
            if (gpu != null && gpu.addresses().length > 0) {
                return new DeviceSelection("gpu" + gpu.addresses()[0]);
            }
        }
        return DeviceSelection.auto();
    }
}

package org.learnability.cluster;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.spark.TaskContext;
import org.apache.spark.resource.ResourceInformation;
import org.learnability.api.registry.StrategyRegistry;
import org.learnability.api.strategy.WeightStrategy;
import org.learnability.experiments.app.Application;
import org.learnability.experiments.io.Json;
import org.learnability.experiments.plan.ExperimentPlan;
import org.learnability.experiments.plan.PlanCodec;
import org.learnability.experiments.plan.PlanOptions;
import org.learnability.experiments.protocol.RunLedger;
import org.learnability.experiments.protocol.RunProgress;
import org.learnability.experiments.protocol.SeedChain;
import org.learnability.experiments.record.RunRecord;
import org.learnability.runner.data.SplitSpec;
import org.learnability.runner.engine.DeviceSelection;
import org.learnability.runner.engine.EngineThreads;
import org.learnability.runner.engine.ThreadRequest;
import org.learnability.runner.pipeline.Pipeline;
import org.learnability.runner.pipeline.Session;
import org.learnability.runner.pipeline.SessionOptions;
import org.learnability.runner.pipeline.SessionSpec;

/**
 * Runs a {@link ChainTask} on an executor: the seed's data loaded and split once, the baseline
 * trained once (unless recorded), then every experiment's models, through the same {@link
 * SeedChain} as {@code run}; the records go back to the driver, the only writer of {@code
 * runs.jsonl}. The task's engine threads are set to the grid's {@code --threads-per-task}, and on a
 * cluster with GPUs the task trains on the GPU Spark assigned it.
 */
final class ChainWorker {

    private ChainWorker() {}

    /**
     * Runs a task.
     *
     * @param task the task
     * @param context Spark's context of the task, for its GPU; null outside Spark
     * @return the new records
     */
    static ChainTask.Result run(ChainTask task, TaskContext context) {
        ThreadRequest threads = new ThreadRequest(task.threads(), 0);
        Application application = WorkerApplication.get(Path.of(task.pluginsDir()), threads);
        PlanCodec codec = application.get(PlanCodec.class);
        StrategyRegistry registry = application.get(StrategyRegistry.class);
        Pipeline pipeline = application.get(Pipeline.class);
        EngineThreads.effective(
                pipeline.engine(Optional.of(task.engine())), threads, System.getenv());

        Map<String, RunLedger> ledgers = new LinkedHashMap<>();
        List<SeedChain.Member> members = new ArrayList<>();
        int models = 0;
        for (ChainTask.Member member : task.members()) {
            ExperimentPlan plan =
                    codec.decode(
                            PlanOptions.of(
                                    Json.GSON.fromJson(
                                            member.plan(), com.google.gson.JsonObject.class),
                                    "grid experiment " + member.name()));
            Map<String, WeightStrategy> strategies = new LinkedHashMap<>();
            plan.strategies().forEach(s -> strategies.put(s, registry.create(s)));
            RunLedger ledger =
                    RunLedger.inMemory(
                            member.recorded().stream()
                                    .map(line -> Json.GSON.fromJson(line, RunRecord.class))
                                    .toList());
            ledgers.put(member.name(), ledger);
            members.add(new SeedChain.Member(plan, strategies, ledger));
            models += 1 + plan.weightedRuns().size();
        }
        ExperimentPlan first = members.get(0).plan();
        SessionOptions options =
                SessionOptions.defaults().withDevices(devices(context)).withProgress(false);
        SessionSpec spec =
                new SessionSpec(
                        first.dataset(),
                        first.source(),
                        new SplitSpec(first.valSize(), first.trainSize(), task.seed()),
                        options,
                        Optional.of(task.engine()));
        PrintWriter log = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
        PrintWriter warnings = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
        try (Session session = pipeline.open(spec)) {
            SeedChain.run(session, task.seed(), members, new RunProgress(models, log, warnings));
        }
        List<ChainTask.Recorded> recorded = new ArrayList<>();
        ledgers.forEach(
                (name, ledger) ->
                        ledger.appended()
                                .forEach(
                                        r ->
                                                recorded.add(
                                                        new ChainTask.Recorded(
                                                                name, Json.GSON.toJson(r)))));
        return new ChainTask.Result(task.index(), recorded);
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

package org.learnability.experiments.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.learnability.experiments.app.Application;
import org.learnability.experiments.bench.Bench;
import org.learnability.experiments.bench.BenchResult;
import org.learnability.experiments.bench.BenchSpec;
import org.learnability.experiments.plan.PlanOptions;
import org.learnability.experiments.plan.PlanSchema;
import org.learnability.experiments.plan.Preset;
import org.learnability.runner.data.DatasetDefinition;
import org.learnability.runner.engine.ThreadRequest;
import org.learnability.runner.pipeline.SessionOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code learnability bench}: training and scoring speed of Learnability's own pipeline. */
@Command(
        name = "bench",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "Trains a model with Learnability's pipeline (data set, splits, batch source, ModelTrainer with the weighted"
                    + " loss, Scorer) for a warm-up and then measured epochs or batches, and prints training and scoring"
                    + " images/s, the data-loading share, peak resident memory, engine and threads.",
            "Trains as bench/pytorch_reference.py (${bundle:bench-training}), which prints the same JSON keys for"
                    + " plain PyTorch; with --preset, the preset's training and scoring instead (the script takes"
                    + " --preset too). The options shared with run are declared as run's, with the defaults of"
                    + " bench; --epochs are the measured epochs, after --warmup-batches, and no validation split"
                    + " is held out.",
            "Engine: -Dai.djl.default_engine=PyTorch|MXNet. MXNet takes its threads from the environment only:"
                    + " export OMP_NUM_THREADS=N (and MXNET_CPU_WORKER_NTHREADS) before starting Java."
        })
final class BenchCommand
        implements Callable<Integer>, LearnabilityCommand.EngineThreadsOption, PlanFlags.Taker {

    @ParentCommand LearnabilityCommand parent;

    @Spec CommandSpec spec;

    @Option(
            names = "--warmup-batches",
            paramLabel = "N",
            description = "Batches trained before measuring (default: ${DEFAULT-VALUE}).")
    int warmupBatches = 20;

    @Option(
            names = "--batches",
            paramLabel = "N",
            description =
                    "Measure this many batches instead of whole epochs, cut into --chunks rounds.")
    int batches;

    @Option(
            names = "--chunks",
            paramLabel = "N",
            description =
                    "Rounds the --batches are cut into, for the spread (default: ${DEFAULT-VALUE}).")
    int chunks = 5;

    @Option(
            names = "--threads",
            paramLabel = "N",
            description =
                    "Intra-op threads (PyTorch: "
                            + ThreadRequest.PYTORCH_THREADS
                            + "; MXNet: checked against OMP_NUM_THREADS) (default: the engine's).")
    int threads;

    @Option(
            names = "--interop-threads",
            paramLabel = "N",
            description =
                    "Inter-op threads (PyTorch: "
                            + ThreadRequest.PYTORCH_INTEROP_THREADS
                            + "; MXNet: checked against MXNET_CPU_WORKER_NTHREADS) (default: the"
                            + " engine's).")
    int interopThreads;

    @Option(
            names = "--score-batch-size",
            paramLabel = "N",
            description = "Scoring batch size (default: ${DEFAULT-VALUE}, the application's).")
    int scoreBatchSize = SessionOptions.DEFAULT_SCORING_BATCH;

    @Option(names = "--seed", paramLabel = "N", description = "Seed (default: ${DEFAULT-VALUE}).")
    int seed;

    @Option(
            names = "--preset",
            paramLabel = "NAME",
            description =
                    "Train and score as this preset's baseline: quick, paper, cpu or fast (its"
                            + " optimizer,"
                            + " learning rate, momentum, weight decay, schedule over the measured"
                            + " run, warm-up, label smoothing, averaging, augmentation, test-time"
                            + " augmentation). The model, data set, batch size and sizes stay"
                            + " these options' (default: ${bundle:bench-training}).")
    Preset preset;

    @Option(
            names = "--format",
            paramLabel = "FORMAT",
            completionCandidates = OutputFormat.TableOrJson.class,
            description =
                    "Output: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}); json is one line with the keys"
                            + " of bench/pytorch_reference.py.")
    OutputFormat format = OutputFormat.table;

    @Override
    public void addPlanOptions(CommandSpec command, PlanSchema schema) {
        PlanFlags.add(command, BenchSpec.DEFAULTS, "", schema);
    }

    /** The threads asked for; a negative count is left to {@link BenchSpec} to report. */
    @Override
    public ThreadRequest threads() {
        return new ThreadRequest(Math.max(0, threads), Math.max(0, interopThreads));
    }

    @Override
    public Integer call() {
        OutputFormat output = format.requireOneOf(OutputFormat.table, OutputFormat.json);
        Application application = parent.application();
        PlanOptions plan =
                BenchSpec.DEFAULTS.overlay(PlanFlags.given(spec.commandLine().getParseResult()));
        BenchSpec benchSpec =
                new BenchSpec(
                        plan.text("model"),
                        application.registry(DatasetDefinition.class).get(plan.text("dataset")),
                        plan.text("dataDir").isEmpty() ? null : Path.of(plan.text("dataDir")),
                        plan.integer("batchSize"),
                        warmupBatches,
                        plan.integer("epochs"),
                        batches,
                        chunks,
                        plan.integer("trainSize"),
                        threads,
                        interopThreads,
                        seed,
                        plan.bool("augment"),
                        Optional.ofNullable(preset));
        if (scoreBatchSize < 1) {
            throw new IllegalArgumentException(
                    "--score-batch-size is " + scoreBatchSize + "; expected a whole number >= 1");
        }
        Bench bench = application.get(Bench.class);
        bench.check(benchSpec);
        // DJL's progress bar would write to standard output, which carries the result; one line
        // per round goes to standard error instead.
        SessionOptions options =
                SessionOptions.defaults().withProgress(false).withScoringBatchSize(scoreBatchSize);
        BenchResult result = bench.run(benchSpec, options, spec.commandLine().getErr());
        PrintWriter out = spec.commandLine().getOut();
        switch (output) {
            case json -> out.println(result.toJsonLine());
            default -> result.table().forEach(out::println);
        }
        out.flush();
        return 0;
    }
}

package org.learnability.experiments.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.learnability.experiments.bench.Bench;
import org.learnability.experiments.bench.BenchResult;
import org.learnability.experiments.bench.BenchSpec;
import org.learnability.runner.data.DataSource;
import org.learnability.runner.data.DatasetName;
import org.learnability.runner.wiring.RunnerConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code learnability bench}: training and scoring speed of Learnability's own pipeline. */
@Command(
        name = "bench",
        mixinStandardHelpOptions = true,
        description = {
            "Trains a model with Learnability's pipeline (data set, splits, batch source, ModelTrainer with the weighted"
                    + " loss, Scorer) for a warm-up and then measured epochs or batches, and prints training and scoring"
                    + " images/s, the data-loading share, peak resident memory, engine and threads.",
            "Adam, learning rate 1e-3, as bench/pytorch_reference.py, which prints the same JSON keys for plain PyTorch.",
            "Engine: -Dai.djl.default_engine=PyTorch|MXNet. MXNet takes its threads from the environment only:"
                    + " export OMP_NUM_THREADS=N (and MXNET_CPU_WORKER_NTHREADS) before starting Java."
        })
final class BenchCommand implements Callable<Integer> {

    /** Output formats. */
    enum Format {
        table,
        json
    }

    @ParentCommand LearnabilityCommand parent;

    @Spec CommandSpec spec;

    @Option(
            names = "--model",
            paramLabel = "NAME",
            description = "Model (default: ${DEFAULT-VALUE}).")
    String model = "cnn-small";

    @Option(
            names = "--dataset",
            paramLabel = "NAME",
            description = "Data set: cifar10 or fashion-mnist (default: ${DEFAULT-VALUE}).")
    String dataset = DatasetName.FASHION_MNIST.id();

    @Option(
            names = "--data-dir",
            paramLabel = "DIR",
            description =
                    "Local data (default: "
                            + "/usr/share/datasets/fashion-mnist for fashion-mnist, DJL's download"
                            + " for cifar10).")
    Path dataDir;

    @Option(
            names = "--batch-size",
            paramLabel = "N",
            description = "Training batch size (default: ${DEFAULT-VALUE}).")
    int batchSize = 128;

    @Option(
            names = "--warmup-batches",
            paramLabel = "N",
            description = "Batches trained before measuring (default: ${DEFAULT-VALUE}).")
    int warmupBatches = 20;

    @Option(
            names = "--epochs",
            paramLabel = "N",
            description = "Measured epochs (default: ${DEFAULT-VALUE}).")
    int epochs = 3;

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
            names = "--train-size",
            paramLabel = "N",
            description = "Training images, an equal count per class (default: all).")
    int trainSize;

    @Option(
            names = "--threads",
            paramLabel = "N",
            description =
                    "Intra-op threads (PyTorch: ai.djl.pytorch.num_threads; MXNet: checked against OMP_NUM_THREADS)"
                            + " (default: the engine's).")
    int threads;

    @Option(
            names = "--interop-threads",
            paramLabel = "N",
            description =
                    "Inter-op threads (PyTorch: ai.djl.pytorch.num_interop_threads; MXNet: checked against"
                            + " MXNET_CPU_WORKER_NTHREADS) (default: the engine's).")
    int interopThreads;

    @Option(
            names = "--score-batch-size",
            paramLabel = "N",
            description = "Scoring batch size (default: ${DEFAULT-VALUE}, the application's).")
    int scoreBatchSize = RunnerConfig.defaults().scoringBatchSize();

    @Option(names = "--seed", paramLabel = "N", description = "Seed (default: ${DEFAULT-VALUE}).")
    int seed;

    @Option(
            names = "--augment",
            description = "Random crop (padding 4) and horizontal flip of every training batch.")
    boolean augment;

    @Option(
            names = "--format",
            paramLabel = "FORMAT",
            description =
                    "Output: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}); json is one line with the keys"
                            + " of bench/pytorch_reference.py.")
    Format format = Format.table;

    @Override
    public Integer call() {
        DatasetName name = DatasetName.parse(dataset);
        Path dir =
                dataDir != null || name != DatasetName.FASHION_MNIST
                        ? dataDir
                        : DataSource.DEBIAN_FASHION_MNIST;
        BenchSpec benchSpec =
                new BenchSpec(
                        model,
                        name,
                        dir,
                        batchSize,
                        warmupBatches,
                        epochs,
                        batches,
                        chunks,
                        trainSize,
                        threads,
                        interopThreads,
                        seed,
                        augment);
        if (scoreBatchSize < 1) {
            throw new IllegalArgumentException(
                    "--score-batch-size is " + scoreBatchSize + "; expected a whole number >= 1");
        }
        RunnerConfig defaults = RunnerConfig.defaults();
        RunnerConfig config =
                new RunnerConfig(
                        defaults.pluginsDir(),
                        defaults.devices(),
                        defaults.dataCache(),
                        defaults.training(),
                        scoreBatchSize,
                        defaults.progress());
        Bench bench = parent.injector(config).getInstance(Bench.class);
        bench.check(benchSpec);
        // Before anything loads the engine: PyTorch reads its thread counts when it loads.
        Bench.requestThreads(threads, interopThreads);
        // DJL's progress bar writes to standard output, which carries the result; one line per
        // round goes to
        // standard error instead.
        String bar = System.getProperty("disableProgressBar");
        System.setProperty("disableProgressBar", "true");
        BenchResult result;
        try {
            result = bench.run(benchSpec, spec.commandLine().getErr());
        } finally {
            if (bar == null) {
                System.clearProperty("disableProgressBar");
            } else {
                System.setProperty("disableProgressBar", bar);
            }
        }
        PrintWriter out = spec.commandLine().getOut();
        switch (format) {
            case table -> result.table().forEach(out::println);
            case json -> out.println(result.toJsonLine());
        }
        out.flush();
        return 0;
    }
}

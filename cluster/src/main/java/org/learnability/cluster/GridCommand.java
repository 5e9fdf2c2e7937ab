package org.learnability.cluster;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.learnability.cluster.spark.SparkStart;
import org.learnability.cluster.task.WorkerApplication;
import org.learnability.experiments.cli.LearnabilityCommand;
import org.learnability.experiments.cli.VersionProvider;
import org.learnability.experiments.protocol.SaveModels;
import org.learnability.runner.engine.ThreadCap;
import org.learnability.runner.engine.ThreadRequest;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code learnability grid}: a grid of experiments, fanned out over Apache Spark. */
@Command(
        name = "grid",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "Runs a grid of experiments (every combination of the values a grid file varies, each a"
                    + " plan of run, in a directory of its own under --out) on Apache Spark: one"
                    + " task per engine, seed and baseline, longest first; the records of each task"
                    + " are appended to runs.jsonl as it succeeds. A grid stopped at any moment and"
                    + " started again trains only what is missing. Then every experiment's report"
                    + " and one over the grid.",
            "Spark: the master --master names or spark-submit gives, else an embedded cluster"
                    + " of N executor processes on this machine, local-cluster[N,T,2048] (N ="
                    + " processors / --threads-per-task T), which bin/learnability makes possible;"
                    + " started otherwise, the threads of local[N,2] in this process, with a"
                    + " warning."
        })
public final class GridCommand
        implements Callable<Integer>, LearnabilityCommand.EngineThreadsOption {

    @ParentCommand LearnabilityCommand parent;

    @Spec CommandSpec spec;

    @Option(
            names = "--grid",
            required = true,
            paramLabel = "FILE",
            description = "The grid file (JSON): preset, fixed, vary, engines.")
    Path grid;

    @Option(
            names = "--out",
            required = true,
            paramLabel = "DIR",
            description =
                    "The grid's directory: an experiment directory each, and the grid's report.")
    Path out;

    @Option(
            names = "--master",
            paramLabel = "URL",
            description =
                    "Spark master: spark://host:port, yarn, k8s://..., local[N],"
                            + " local-cluster[N,C,M] (default: the one spark-submit gives, else an"
                            + " embedded local-cluster of executor processes).")
    String master;

    @Option(
            names = "--threads-per-task",
            paramLabel = "N",
            description =
                    "Engine threads of each task, and cores it takes (default: ${DEFAULT-VALUE}).")
    int threadsPerTask = 1;

    @Option(
            names = "--save-models",
            paramLabel = "WHICH",
            description =
                    "Baselines saved into each experiment's models/ as run saves them: baselines"
                            + " (loaded by a later grid or run instead of trained again) or none"
                            + " (default: ${DEFAULT-VALUE}).")
    String saveModels = "baselines";

    @Override
    public ThreadRequest threads() {
        return new ThreadRequest(Math.max(0, threadsPerTask), 0);
    }

    @Override
    public Integer call() {
        if (threadsPerTask < 1) {
            throw new IllegalArgumentException(
                    "--threads-per-task is " + threadsPerTask + "; expected a whole number >= 1");
        }
        if (out.toString().isBlank()) {
            throw new IllegalArgumentException(
                    "--out is empty; expected the grid's directory, e.g. --out results/grid");
        }
        SaveModels save = SaveModels.parse(saveModels);
        if (save == SaveModels.ALL) {
            throw new IllegalArgumentException(
                    "--save-models all is for run; a grid saves baselines or none");
        }
        GridSpec parsed = GridSpec.read(grid);
        SparkStart spark = SparkStart.of(Optional.ofNullable(master), threadsPerTask);
        if (spark.onThisMachine()) {
            ThreadCap.ofThisMachine().check("--threads-per-task", threadsPerTask);
        }
        WorkerApplication.share(parent.plugins(), parent.application());
        PrintWriter log = spec.commandLine().getOut();
        parent.application()
                .get(GridRunner.class)
                .run(
                        parsed,
                        out,
                        spark,
                        threadsPerTask,
                        parent.plugins(),
                        save,
                        log,
                        spec.commandLine().getErr());
        return 0;
    }
}

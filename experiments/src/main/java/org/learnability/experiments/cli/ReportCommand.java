package org.learnability.experiments.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.learnability.experiments.report.ReportFiles;
import org.learnability.experiments.report.ReportWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code learnability report}: rebuilds an experiment directory's report from its runs.jsonl. */
@Command(
        name = "report",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "Rebuilds summary.csv, report.md and the PNG charts (tpr, weights, variance, confusion-<strategy>)"
                    + " of an experiment directory from its runs.jsonl alone.",
            "Every strategy is paired with the baseline (uniform) of the same engine and seed: D = Var(s) - Var(s')"
                    + " on the test split, mean and 95%% confidence interval over seeds, one-sided paired t-test"
                    + " and exact Wilcoxon signed-rank test of D > 0."
        })
final class ReportCommand implements Callable<Integer> {

    @Spec CommandSpec spec;

    @Option(
            names = "--out",
            required = true,
            paramLabel = "DIR",
            description = "Experiment directory holding runs.jsonl; the report is written there.")
    Path out;

    @Option(
            names = "--from",
            paramLabel = "DIR",
            description =
                    "Report the runs of these experiment directories together (repeatable), into"
                            + " --out (default: --out's own runs.jsonl).")
    List<Path> from;

    @Override
    public Integer call() {
        PrintWriter stderr = spec.commandLine().getErr();
        ReportFiles files =
                ReportWriter.write(out, from == null ? List.of(out) : from, stderr::println);
        stderr.flush();
        PrintWriter stdout = spec.commandLine().getOut();
        files.all().forEach(stdout::println);
        stdout.flush();
        return 0;
    }
}

package org.learnability.experiments.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.learnability.experiments.plan.ArmPlan;
import org.learnability.experiments.plan.PlanOptions;
import org.learnability.experiments.plan.PlanSchema;
import org.learnability.experiments.record.RunsFile;
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
                    + " of an experiment directory from its runs.jsonl alone; of a grid's directory"
                    + " (experiment directories beneath it, no runs.jsonl of its own), every"
                    + " experiment's report and the grid's.",
            "Every strategy is paired with the baseline (uniform) of the same engine and seed: D = Var(s) - Var(s')"
                    + " on the test split, mean and 95%% confidence interval over seeds, one-sided paired t-test"
                    + " and exact Wilcoxon signed-rank test of D > 0."
        })
final class ReportCommand implements Callable<Integer>, PlanFlags.Taker {

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
    public void addPlanOptions(CommandSpec command, PlanSchema schema) {
        PlanFlags.add(
                command,
                PlanOptions.defaults().only("maxAccuracyDrop"),
                "the plan's, else ",
                schema);
    }

    @Override
    public Integer call() {
        if (out.toString().isBlank()) {
            throw new IllegalArgumentException(
                    "--out is empty; expected the experiment directory to report on, e.g. --out"
                            + " results/run1");
        }
        if (from != null && from.stream().anyMatch(f -> f.toString().isBlank())) {
            throw new IllegalArgumentException(
                    "--from is empty; expected an experiment directory, e.g. --from results/run1");
        }
        PlanOptions given = PlanFlags.given(spec.commandLine().getParseResult());
        OptionalDouble tolerance =
                given.has("maxAccuracyDrop")
                        ? OptionalDouble.of(
                                ArmPlan.checkAccuracyDrop(given.number("maxAccuracyDrop")))
                        : OptionalDouble.empty();
        PrintWriter stderr = spec.commandLine().getErr();
        List<Path> sources = from != null ? from : gridExperiments(out).orElse(List.of(out));
        List<Path> files = new ArrayList<>();
        if (from == null && !sources.equals(List.of(out))) {
            for (Path experiment : sources) {
                files.addAll(
                        ReportWriter.write(
                                        experiment, List.of(experiment), stderr::println, tolerance)
                                .all());
            }
        }
        files.addAll(ReportWriter.write(out, sources, stderr::println, tolerance).all());
        stderr.flush();
        PrintWriter stdout = spec.commandLine().getOut();
        files.forEach(stdout::println);
        stdout.flush();
        return 0;
    }

    /**
     * The experiment directories of a grid's directory: those beneath it that hold a runs.jsonl, in
     * name order; empty when it holds one of its own or none beneath it.
     */
    private static Optional<List<Path>> gridExperiments(Path dir) {
        if (!Files.isDirectory(dir) || Files.exists(dir.resolve(RunsFile.NAME))) {
            return Optional.empty();
        }
        try (Stream<Path> children = Files.list(dir)) {
            List<Path> experiments =
                    children.filter(c -> Files.isRegularFile(c.resolve(RunsFile.NAME)))
                            .sorted()
                            .toList();
            return experiments.isEmpty() ? Optional.empty() : Optional.of(experiments);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir + ": " + e.getMessage(), e);
        }
    }
}

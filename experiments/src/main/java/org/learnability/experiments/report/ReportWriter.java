package org.learnability.experiments.report;

import com.google.gson.JsonElement;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.learnability.experiments.io.AtomicFiles;
import org.learnability.experiments.record.RunRecord;
import org.learnability.experiments.record.RunsFile;
import org.learnability.experiments.stats.Analysis;
import org.learnability.experiments.stats.ModelGroup;

/**
 * Writes an experiment directory's report: {@code summary.csv}, {@code report.md} and the PNG
 * charts ({@code tpr.png}, {@code weights.png}, {@code variance.png}, {@code confusion-<arm>.png};
 * see {@link ChartNames} and {@link ReportCharts}), each file replaced atomically; charts of an
 * earlier report that this one does not write are deleted. Everything comes from the run records
 * alone, so a report can be rebuilt at any time from {@code runs.jsonl}.
 */
public final class ReportWriter {

    /** The names of the charts a report writes. */
    private static final Pattern CHART =
            Pattern.compile(
                    "(tpr|weights|variance|tradeoff|forest|confusion|epochs|cost|frontier)(-[A-Za-z0-9._=-]+)?\\.png");

    private ReportWriter() {}

    /**
     * Rebuilds the report of a directory from its {@code runs.jsonl}.
     *
     * @param dir the experiment directory
     * @param warnings takes a line for every problem that does not stop the report (a torn last
     *     line of {@code runs.jsonl}, skipped)
     * @return the files written
     * @throws IllegalArgumentException in one line, when the directory or its {@code runs.jsonl} is
     *     missing or the runs cannot be reported (none, or no baseline, or a value out of range)
     */
    public static ReportFiles write(Path dir, Consumer<String> warnings) {
        return write(dir, List.of(dir), warnings);
    }

    /**
     * Builds one report over the {@code runs.jsonl} of several experiment directories (a grid's, or
     * the runs of one data set under several plans), written into a directory of its own. Models
     * recorded in several of them with the same scores count once; the records are checked as
     * {@link ReportSources} says, and experiments that differ in a training option reported side by
     * side.
     *
     * @param dir where the report goes; made if missing
     * @param sources the experiment directories whose runs it reports
     * @param warnings takes a line for every problem that does not stop the report
     * @return the files written
     * @throws IllegalArgumentException in one line, naming the file at fault
     */
    public static ReportFiles write(Path dir, List<Path> sources, Consumer<String> warnings) {
        return write(dir, sources, warnings, OptionalDouble.empty());
    }

    /**
     * Builds one report over the {@code runs.jsonl} of several experiment directories, as {@link
     * #write(Path, List, Consumer)} does, recommending with a given tolerance.
     *
     * @param dir where the report goes; made if missing
     * @param sources the experiment directories whose runs it reports
     * @param warnings takes a line for every problem that does not stop the report
     * @param tolerance the validation accuracy a recommended arm may give up; empty for the one
     *     {@code dir}'s {@code plan.json} records, else 0.005
     * @return the files written
     * @throws IllegalArgumentException in one line, naming the file at fault
     */
    public static ReportFiles write(
            Path dir, List<Path> sources, Consumer<String> warnings, OptionalDouble tolerance) {
        List<RunRecord> records = ReportSources.read(sources, warnings);
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write to " + dir + ": " + e.getMessage(), e);
        }
        try {
            return write(dir, records, tolerance.orElseGet(() -> tolerance(dir)));
        } catch (IllegalArgumentException e) {
            String where =
                    sources.size() == 1
                            ? sources.get(0).resolve(RunsFile.NAME).toString()
                            : "the runs of " + sources;
            throw new IllegalArgumentException(where + ": " + e.getMessage(), e);
        }
    }

    /**
     * Writes the report of given runs into a directory.
     *
     * @param dir the experiment directory; it must exist
     * @param runs the run records
     * @return the files written
     * @throws IllegalArgumentException when the runs cannot be reported (none, or no baseline)
     */
    public static ReportFiles write(Path dir, List<RunRecord> runs) {
        return write(dir, runs, tolerance(dir));
    }

    /**
     * The tolerance of the recommendation: the {@code maxAccuracyDrop} of the directory's {@code
     * plan.json}, else {@link Analysis#DEFAULT_TOLERANCE}.
     */
    private static double tolerance(Path dir) {
        Path plan = dir.resolve("plan.json");
        if (Files.isRegularFile(plan)) {
            try {
                JsonElement value =
                        JsonParser.parseString(Files.readString(plan))
                                .getAsJsonObject()
                                .get("maxAccuracyDrop");
                if (value != null
                        && value.isJsonPrimitive()
                        && value.getAsJsonPrimitive().isNumber()) {
                    return value.getAsDouble();
                }
            } catch (IOException | RuntimeException e) {
                // a plan.json that cannot be read has been refused by run already; the default
            }
        }
        return Analysis.DEFAULT_TOLERANCE;
    }

    /**
     * Writes the report of given runs into a directory, recommending with a given tolerance.
     *
     * @param dir the experiment directory; it must exist
     * @param runs the run records
     * @param tolerance the validation accuracy a recommended arm may give up
     * @return the files written
     * @throws IllegalArgumentException when the runs cannot be reported (none, or no baseline)
     */
    public static ReportFiles write(Path dir, List<RunRecord> runs, double tolerance) {
        Analysis analysis = Analysis.of(runs, tolerance);
        List<Path> charts = new ArrayList<>();
        boolean qualify = analysis.groups().size() > 1;
        for (ModelGroup group : analysis.groups()) {
            for (ChartFile chart :
                    ReportCharts.of(analysis, group, ChartNames.of(group, qualify))) {
                Path file = dir.resolve(chart.name());
                AtomicFiles.write(file, chart.png());
                charts.add(file);
            }
        }
        Path summary = dir.resolve(SummaryTable.FILE);
        AtomicFiles.write(summary, SummaryTable.csv(analysis));
        Path report = dir.resolve(MarkdownReport.FILE);
        AtomicFiles.write(report, MarkdownReport.markdown(analysis));
        removeStaleCharts(dir, charts);
        return new ReportFiles(summary, report, charts);
    }

    /**
     * Deletes charts an earlier report wrote that this one did not, for example {@code
     * confusion-uniform.png} once a second engine's runs make it {@code
     * confusion-uniform-pytorch.png}.
     */
    private static void removeStaleCharts(Path dir, List<Path> written) {
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.toList()) {
                if (CHART.matcher(file.getFileName().toString()).matches()
                        && !written.contains(file)) {
                    Files.delete(file);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "cannot clean old charts in " + dir + ": " + e.getMessage(), e);
        }
    }
}

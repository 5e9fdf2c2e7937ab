package org.learnability.experiments.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.learnability.experiments.record.RunRecord;
import org.learnability.experiments.record.RunsFile;
import org.learnability.experiments.stats.SyntheticRuns;
import org.learnability.experiments.testing.CliRun;

/** The report command, run as a user runs it: arguments in, files and text out. */
class ReportCommandTest {

    private static final List<String> FILES =
            List.of(
                    "summary.csv",
                    "report.md",
                    "tpr.png",
                    "weights.png",
                    "variance.png",
                    "confusion-uniform.png",
                    "confusion-mean-ratio-gamma-2.png",
                    "confusion-difficulty.png");

    @TempDir Path dir;

    private static CliRun run(String... args) {
        return CliRun.of(args);
    }

    private Path experiment(List<RunRecord> runs) throws IOException {
        Path out = Files.createDirectories(dir.resolve("experiment"));
        runs.forEach(r -> RunsFile.append(out.resolve(RunsFile.NAME), r));
        return out;
    }

    private static void assertOneLineError(CliRun run, String expected) {
        assertTrue(run.exitCode() != 0, "non-zero exit");
        assertEquals("", run.out());
        assertEquals(1, run.err().lines().count(), "one line: " + run.err());
        assertEquals("error: " + expected, run.err().strip());
    }

    @Test
    void rebuildsEveryFileFromRunsJsonl() throws IOException {
        Path out = experiment(SyntheticRuns.twoStage());
        CliRun first = run("report", "--out", out.toString());
        assertEquals(0, first.exitCode(), first.err());
        assertEquals(
                FILES.stream().map(f -> out.resolve(f).toString()).toList(),
                first.out().lines().toList());
        String report = Files.readString(out.resolve("report.md"));
        String summary = Files.readString(out.resolve("summary.csv"));

        for (String file : FILES) {
            Files.delete(out.resolve(file));
        }
        CliRun again = run("report", "--out", out.toString());
        assertEquals(0, again.exitCode(), again.err());
        for (String file : FILES) {
            assertTrue(Files.isRegularFile(out.resolve(file)), file);
        }
        assertEquals(report, Files.readString(out.resolve("report.md")));
        assertEquals(summary, Files.readString(out.resolve("summary.csv")));
    }

    @Test
    void aRunKilledMidWriteDoesNotStopTheReport() throws IOException {
        Path out = experiment(SyntheticRuns.twoStage());
        String torn = RunsFile.toJson(SyntheticRuns.mixed().get(9));
        Files.writeString(
                out.resolve(RunsFile.NAME), torn.substring(0, 100), StandardOpenOption.APPEND);
        CliRun run = run("report", "--out", out.toString());
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(
                Files.readString(out.resolve("report.md")).contains("9 models from `runs.jsonl`"));
    }

    @Test
    void missingDirectoryIsOneClearLine() {
        Path missing = dir.resolve("nowhere");
        assertOneLineError(
                run("report", "--out", missing.toString()), missing + ": no such directory");
    }

    @Test
    void missingRunsJsonlIsOneClearLine() {
        assertOneLineError(
                run("report", "--out", dir.toString()),
                dir.resolve("runs.jsonl") + ": no such file; the run command writes it");
    }

    @Test
    void runsWithoutABaselineAreOneClearLine() throws IOException {
        Path out =
                experiment(SyntheticRuns.twoStage().stream().filter(r -> !r.isBaseline()).toList());
        assertOneLineError(
                run("report", "--out", out.toString()),
                out.resolve("runs.jsonl")
                        + ": no baseline run (strategy uniform, round 0) to compare the strategies with");
    }

    @Test
    void aBrokenLineInTheMiddleIsOneClearLine() throws IOException {
        Path out = experiment(SyntheticRuns.twoStage());
        Path runs = out.resolve(RunsFile.NAME);
        List<String> lines = Files.readAllLines(runs);
        Files.write(runs, List.of(lines.get(0), "{\"schema\": 1, \"key\": ", lines.get(1)));
        CliRun run = run("report", "--out", out.toString());
        assertTrue(run.err().startsWith("error: " + runs + " line 2: not valid JSON ("), run.err());
        assertEquals(1, run.err().lines().count(), run.err());
    }

    @Test
    void missingOutIsOneLineWithExitCode2() {
        CliRun run = run("report");
        assertEquals(2, run.exitCode());
        assertOneLineError(
                run, "Missing required option: '--out=DIR' (see: learnability report --help)");
    }

    @Test
    void hasHelp() {
        CliRun run = run("report", "--help");
        assertEquals(0, run.exitCode());
        assertTrue(run.out().startsWith("Usage: learnability report"), run.out());
        assertTrue(run.out().contains("--out=DIR"), run.out());
    }
}

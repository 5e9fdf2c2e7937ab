package org.learnability.experiments.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.learnability.experiments.io.DirectoryLock;
import org.learnability.experiments.io.Json;
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
                    "tradeoff.png",
                    "forest.png",
                    "variance.png",
                    "confusion-uniform.png",
                    "confusion-mean-ratio-gamma-2.png",
                    "confusion-difficulty.png");

    @TempDir Path dir;

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
        CliRun first = CliRun.of("report", "--out", out.toString());
        assertEquals(0, first.exitCode(), first.err());
        assertEquals(
                FILES.stream().map(f -> out.resolve(f).toString()).toList(),
                first.out().lines().toList());
        java.util.Map<String, byte[]> before = new java.util.HashMap<>();
        for (String file : FILES) {
            before.put(file, Files.readAllBytes(out.resolve(file)));
            Files.delete(out.resolve(file));
        }
        CliRun again = CliRun.of("report", "--out", out.toString());
        assertEquals(0, again.exitCode(), again.err());
        for (String file : FILES) {
            assertTrue(
                    java.util.Arrays.equals(
                            before.get(file), Files.readAllBytes(out.resolve(file))),
                    file + " rebuilt bit for bit");
        }
    }

    @Test
    void aGridDirectoryIsRebuiltExperimentByExperimentAndAsAWhole() throws IOException {
        Path grid = dir.resolve("grid");
        List<RunRecord> runs = SyntheticRuns.twoStage();
        for (String experiment : List.of("b-difficulty", "a-mean-ratio")) {
            Path sub = Files.createDirectories(grid.resolve(experiment));
            String keep = experiment.startsWith("a") ? "mean-ratio:gamma=2" : "difficulty";
            runs.stream()
                    .filter(r -> r.isBaseline() || r.arm().strategy().equals(keep))
                    .forEach(r -> RunsFile.append(sub.resolve(RunsFile.NAME), r));
        }
        CliRun first = CliRun.of("report", "--out", grid.toString());
        assertEquals(0, first.exitCode(), first.err());
        for (String file :
                List.of("a-mean-ratio/report.md", "b-difficulty/report.md", "report.md")) {
            assertTrue(first.out().contains(grid.resolve(file).toString()), first.out());
        }
        String whole = Files.readString(grid.resolve("report.md"));
        assertTrue(whole.startsWith("# Learnability report\n\n9 models from"), whole);
        assertTrue(
                whole.indexOf("| `mean-ratio:gamma=2` | PyTorch |")
                        < whole.indexOf("| `difficulty` | PyTorch |"),
                "experiments in name order: " + whole);
        byte[] combined = Files.readAllBytes(grid.resolve("report.md"));
        CliRun again = CliRun.of("report", "--out", grid.toString());
        assertEquals(0, again.exitCode(), again.err());
        assertTrue(
                java.util.Arrays.equals(combined, Files.readAllBytes(grid.resolve("report.md"))));
    }

    @Test
    void changingOnlyTestFiguresInRunsJsonlDoesNotMoveTheRecommendation() throws IOException {
        Path out = experiment(SyntheticRuns.twoStage());
        assertEquals(0, CliRun.of("report", "--out", out.toString()).exitCode());
        String before = recommendationLine(out);

        // the recommended arm made to look bad on test, the other perfect; nothing else touched
        Path runs = out.resolve(RunsFile.NAME);
        List<String> original = Files.readAllLines(runs);
        Files.delete(runs);
        for (RunRecord r : SyntheticRuns.twoStage()) {
            RunsFile.append(
                    runs,
                    switch (r.arm().strategy()) {
                        case "mean-ratio:gamma=2" -> SyntheticRuns.withTest(r, 0.99, 0.10, 0.50);
                        case "difficulty" -> SyntheticRuns.withTest(r, 0.80, 0.80, 0.80);
                        default -> r;
                    });
        }
        List<String> changed = Files.readAllLines(runs);
        assertEquals(original.size(), changed.size());
        for (int i = 0; i < original.size(); i++) {
            JsonObject a = JsonParser.parseString(original.get(i)).getAsJsonObject();
            JsonObject b = JsonParser.parseString(changed.get(i)).getAsJsonObject();
            a.getAsJsonObject("scores").remove("test");
            b.getAsJsonObject("scores").remove("test");
            assertEquals(a, b, "line " + (i + 1) + " differs only in its test figures");
        }
        assertTrue(!original.equals(changed), "some test figures changed");

        assertEquals(0, CliRun.of("report", "--out", out.toString()).exitCode());
        String after = recommendationLine(out);
        assertTrue(before.startsWith("use `mean-ratio:gamma=2` (two-stage)"), before);
        String chosenOnValidation = before.substring(0, before.indexOf("**Test**"));
        assertEquals(chosenOnValidation, after.substring(0, after.indexOf("**Test**")));
        assertTrue(!before.equals(after), "the test figures beside it did change: " + after);
    }

    private static String recommendationLine(Path out) throws IOException {
        return Files.readAllLines(out.resolve("report.md")).stream()
                .filter(l -> l.startsWith("use `"))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void aDirectoryARunIsWritingIsReportedWithoutWaitingForIt() throws IOException {
        Path out = experiment(SyntheticRuns.twoStage());
        try (DirectoryLock running = DirectoryLock.take(out, "--out " + out)) {
            CliRun report = CliRun.of("report", "--out", out.toString());
            assertEquals(0, report.exitCode(), report.err());
            assertEquals("", report.err());
            assertTrue(Files.exists(out.resolve("report.md")));
            assertTrue(Files.exists(out.resolve(DirectoryLock.NAME)), "the run's lock untouched");
        }
    }

    @Test
    void aRunKilledMidWriteDoesNotStopTheReport() throws IOException {
        Path out = experiment(SyntheticRuns.twoStage());
        String torn = RunsFile.toJson(SyntheticRuns.mixed().get(9));
        Files.writeString(
                out.resolve(RunsFile.NAME), torn.substring(0, 100), StandardOpenOption.APPEND);
        CliRun run = CliRun.of("report", "--out", out.toString());
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(
                Files.readString(out.resolve("report.md")).contains("9 models from `runs.jsonl`"));
    }

    @Test
    void missingDirectoryIsOneClearLine() {
        Path missing = dir.resolve("nowhere");
        assertOneLineError(
                CliRun.of("report", "--out", missing.toString()), missing + ": no such directory");
    }

    @Test
    void missingRunsJsonlIsOneClearLine() {
        assertOneLineError(
                CliRun.of("report", "--out", dir.toString()),
                dir.resolve("runs.jsonl") + ": no such file; the run command writes it");
    }

    @Test
    void runsWithoutABaselineAreOneClearLine() throws IOException {
        Path out =
                experiment(SyntheticRuns.twoStage().stream().filter(r -> !r.isBaseline()).toList());
        assertOneLineError(
                CliRun.of("report", "--out", out.toString()),
                out.resolve("runs.jsonl")
                        + ": no baseline run (strategy uniform, round 0) to compare the strategies with");
    }

    @Test
    void aBrokenLineInTheMiddleIsOneClearLine() throws IOException {
        Path out = experiment(SyntheticRuns.twoStage());
        Path runs = out.resolve(RunsFile.NAME);
        List<String> lines = Files.readAllLines(runs);
        Files.write(runs, List.of(lines.get(0), "{\"schema\": 1, \"key\": ", lines.get(1)));
        CliRun run = CliRun.of("report", "--out", out.toString());
        assertTrue(run.err().startsWith("error: " + runs + " line 2: not valid JSON ("), run.err());
        assertEquals(1, run.err().lines().count(), run.err());
    }

    @Test
    void missingOutIsOneLineWithExitCode2() {
        CliRun run = CliRun.of("report");
        assertEquals(2, run.exitCode());
        assertOneLineError(
                run, "Missing required option: '--out=DIR' (see: learnability report --help)");
    }

    @Test
    void hasHelp() {
        CliRun run = CliRun.of("report", "--help");
        assertEquals(0, run.exitCode());
        assertTrue(run.out().startsWith("Usage: learnability report"), run.out());
        assertTrue(run.out().contains("--out=DIR"), run.out());
    }

    /** The records of the synthetic two-stage experiment, one JSON object per line. */
    private static List<JsonObject> lines(List<RunRecord> runs) {
        return runs.stream()
                .map(r -> JsonParser.parseString(RunsFile.toJson(r)).getAsJsonObject())
                .collect(java.util.stream.Collectors.toCollection(java.util.ArrayList::new));
    }

    private Path experimentOf(List<JsonObject> lines, String tail) throws IOException {
        Path out = Files.createDirectories(dir.resolve("experiment"));
        StringBuilder text = new StringBuilder();
        lines.forEach(l -> text.append(Json.GSON.toJson(l)).append('\n'));
        Files.writeString(out.resolve(RunsFile.NAME), text + tail);
        return out;
    }

    @Test
    void aTornLastLineIsOneWarningNamingItAndIsIgnored() throws IOException {
        List<JsonObject> records = lines(SyntheticRuns.twoStage());
        Path out = experimentOf(records, "{\"schema\": 1, \"key\": \"PyTorch/9/two-st");
        CliRun run = CliRun.of("report", "--out", out.toString());
        assertEquals(0, run.exitCode(), run.err());
        assertEquals(
                "warning: "
                        + out.resolve(RunsFile.NAME)
                        + " line "
                        + (records.size() + 1)
                        + " is incomplete (a run was stopped while writing it) and is ignored;"
                        + " running the experiment again retrains that model\n",
                run.err());
        assertTrue(Files.exists(out.resolve("report.md")));
    }

    @Test
    void aRecordWithAValueOutOfRangeIsRefusedNamingFileLineAndField() throws IOException {
        List<JsonObject> records = lines(SyntheticRuns.twoStage());
        records.get(1).getAsJsonObject("scores").getAsJsonObject("test").addProperty("accuracy", 7);
        Path out = experimentOf(records, "");
        assertOneLineError(
                CliRun.of("report", "--out", out.toString()),
                out.resolve(RunsFile.NAME)
                        + " line 2: test.accuracy is 7.0; expected a number in [0, 1]");
        assertFalse(Files.exists(out.resolve("report.md")), "no report");

        Files.delete(out.resolve(RunsFile.NAME));
        records = lines(SyntheticRuns.twoStage());
        records.get(2)
                .getAsJsonObject("scores")
                .getAsJsonObject("validation")
                .getAsJsonArray("tpr")
                .set(1, new JsonPrimitive(Double.NaN));
        experimentOf(records, "");
        assertOneLineError(
                CliRun.of("report", "--out", out.toString()),
                out.resolve(RunsFile.NAME)
                        + " line 3: validation.tpr[1] is NaN; expected a number in [0, 1]");

        records = lines(SyntheticRuns.twoStage());
        records.get(0)
                .getAsJsonObject("arm")
                .getAsJsonArray("weights")
                .set(0, new JsonPrimitive(-1));
        experimentOf(records, "");
        assertOneLineError(
                CliRun.of("report", "--out", out.toString()),
                out.resolve(RunsFile.NAME)
                        + " line 1: weights[0] is -1.0; expected a finite number > 0");
        assertFalse(Files.exists(out.resolve("report.md")), "no report");
    }

    @Test
    void aKeyOnTwoLinesWithOtherScoresIsAWarningNamingBothAndTheLastCounts() throws IOException {
        List<JsonObject> records = lines(SyntheticRuns.twoStage());
        JsonObject again = records.get(1).deepCopy();
        again.getAsJsonObject("scores").getAsJsonObject("test").addProperty("accuracy", 0.24);
        records.add(again);
        Path out = experimentOf(records, "");
        CliRun run = CliRun.of("report", "--out", out.toString());
        assertEquals(0, run.exitCode(), run.err());
        String key = records.get(1).get("key").getAsString();
        assertEquals(
                "warning: "
                        + out.resolve(RunsFile.NAME)
                        + ": "
                        + key
                        + " is on line 2 (test accuracy "
                        + records.get(1)
                                .getAsJsonObject("scores")
                                .getAsJsonObject("test")
                                .get("accuracy")
                                .getAsDouble()
                        + ") and line "
                        + records.size()
                        + " (test accuracy 0.24) with other scores; line "
                        + records.size()
                        + ", the last, counts\n",
                run.err());
        List<RunRecord> read = RunsFile.read(out.resolve(RunsFile.NAME));
        assertEquals(records.size() - 1, read.size(), "each key once");
        assertEquals(
                0.24,
                read.stream()
                        .filter(r -> r.key().equals(key))
                        .findFirst()
                        .orElseThrow()
                        .scores()
                        .test()
                        .accuracy());

        // the same model on two lines with the same scores is one model, and no warning
        Files.delete(out.resolve(RunsFile.NAME));
        records = lines(SyntheticRuns.twoStage());
        records.add(records.get(0).deepCopy());
        experimentOf(records, "");
        CliRun same = CliRun.of("report", "--out", out.toString());
        assertEquals(0, same.exitCode(), same.err());
        assertEquals("", same.err());
    }

    @Test
    void aRecordWhoseMatrixContradictsItsRatesIsRefusedNamingLineAndField() throws IOException {
        List<JsonObject> records = lines(SyntheticRuns.twoStage());
        JsonObject test = records.get(2).getAsJsonObject("scores").getAsJsonObject("test");
        com.google.gson.JsonArray row =
                test.getAsJsonArray("confusionMatrix").get(1).getAsJsonArray();
        for (int p = 0; p < row.size(); p++) {
            row.set(p, new JsonPrimitive(0));
        }
        double tpr = test.getAsJsonArray("tpr").get(1).getAsDouble();
        Path out = experimentOf(records, "");
        assertOneLineError(
                CliRun.of("report", "--out", out.toString()),
                out.resolve(RunsFile.NAME)
                        + " line 3: test.tpr[1] is "
                        + tpr
                        + " but test.confusionMatrix gives 0.0 (0 of 0); a record's rates are its"
                        + " matrix's");
        assertFalse(Files.exists(out.resolve("report.md")), "no report");
    }
}

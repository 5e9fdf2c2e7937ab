package org.learnability.experiments.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.learnability.experiments.record.RunRecord;
import org.learnability.experiments.record.RunsFile;
import org.learnability.experiments.stats.SyntheticRuns;

/**
 * {@code report} checks what {@code run} checks (issue 33, items 2 and 3): experiments that differ
 * only in a training option are reported side by side, named by the option, not merged under one
 * key; a directory whose records were made under two plans, or on two data sets, is refused in one
 * line naming its file.
 */
class ReportAcrossPlansTest {

    @TempDir Path dir;

    /** The two-stage experiment's records made under a plan, into a directory with its plan. */
    private Path experiment(String name, int epochs, double shift) throws IOException {
        Path out = Files.createDirectories(dir.resolve(name));
        Files.writeString(
                out.resolve("plan.json"),
                "{\"preset\": \"quick\", \"dataset\": \"synthetic\", \"model\": \"cnn-small\","
                        + " \"epochs\": "
                        + epochs
                        + ", \"seeds\": [1, 2, 3], \"strategies\": [\"mean-ratio:gamma=2\","
                        + " \"difficulty\"]}\n");
        for (RunRecord r : SyntheticRuns.twoStage()) {
            RunRecord shifted =
                    shift == 0
                            ? r
                            : SyntheticRuns.withTest(
                                    r,
                                    r.scores().test().tpr().stream()
                                            .mapToDouble(t -> Math.round((t - shift) * 100) / 100.0)
                                            .toArray());
            RunsFile.append(out.resolve(RunsFile.NAME), planned(shifted, name));
        }
        return out;
    }

    /** A record with the plan digests of an experiment. */
    private static RunRecord planned(RunRecord r, String plan) {
        return SyntheticRuns.with(
                r,
                o ->
                        o.getAsJsonObject("provenance")
                                .addProperty(
                                        "planHash",
                                        plan + (r.isBaseline() ? "-baseline" : "-arm")));
    }

    @Test
    void experimentsThatDifferInEpochsAreReportedSideBySide() throws IOException {
        Path three = experiment("three", 3, 0);
        Path five = experiment("five", 5, 0.05);
        Path out = dir.resolve("both");
        ReportWriter.write(out, List.of(three, five), warning -> {});
        List<String> rows = Files.readAllLines(out.resolve(SummaryTable.FILE));
        assertEquals(
                3,
                rows.stream().filter(l -> l.contains("cnn-small [epochs=3]")).count(),
                String.join("\n", rows));
        assertEquals(
                3,
                rows.stream().filter(l -> l.contains("cnn-small [epochs=5]")).count(),
                String.join("\n", rows));
        String report = Files.readString(out.resolve(MarkdownReport.FILE));
        assertTrue(report.contains("## synthetic, cnn-small [epochs=3]"), report);
        assertTrue(report.contains("## synthetic, cnn-small [epochs=5]"), report);
    }

    @Test
    void aBaselineOfAnotherPlanIsRefusedNotAveragedIn() throws IOException {
        Path out = experiment("mixed", 3, 0);
        Path runs = out.resolve(RunsFile.NAME);
        List<RunRecord> records = RunsFile.read(runs);
        Files.delete(runs);
        for (RunRecord r : records) {
            boolean other = r.isBaseline() && r.provenance().seed() == 2;
            RunsFile.append(runs, other ? planned(r, "another") : r);
        }
        IllegalArgumentException e =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> ReportWriter.write(out, warning -> {}));
        assertEquals(
                runs
                        + ": PyTorch/2/two-stage/uniform/0 and PyTorch/1/two-stage/uniform/0 differ"
                        + " in their options (planHash), so they are not of one experiment; a"
                        + " report never merges them: move one to an experiment directory of its"
                        + " own",
                e.getMessage());
        assertFalse(Files.exists(out.resolve(SummaryTable.FILE)), "nothing written");
    }

    @Test
    void aRecordOfOtherDataIsRefusedNotLeftToHideAnArm() throws IOException {
        Path out = experiment("other-data", 3, 0);
        Path runs = out.resolve(RunsFile.NAME);
        RunRecord arm = RunsFile.read(runs).get(1);
        RunsFile.append(
                runs,
                SyntheticRuns.with(
                        arm, o -> o.getAsJsonObject("provenance").addProperty("dataset", "other")));
        IllegalArgumentException e =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> ReportWriter.write(out, warning -> {}));
        assertTrue(e.getMessage().startsWith(runs + ": " + arm.key() + " and "), e.getMessage());
        assertTrue(e.getMessage().contains("differ in their data set"), e.getMessage());
    }
}

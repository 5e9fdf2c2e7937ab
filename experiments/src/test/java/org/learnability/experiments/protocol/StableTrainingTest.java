package org.learnability.experiments.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.learnability.experiments.record.EpochScores;
import org.learnability.experiments.record.RunRecord;
import org.learnability.experiments.record.RunsFile;
import org.learnability.experiments.testing.CliFixture;
import org.learnability.experiments.testing.CliRun;
import org.learnability.experiments.testing.EngineTest;

/**
 * Stable training end to end: every record holds its validation scores after each epoch; with
 * averaging the recorded scores are the averaged model's (the last epoch's); weights come from the
 * mean scores of the last {@code --score-epochs} epochs; the report shows the swing.
 */
@EngineTest
class StableTrainingTest {

    @TempDir Path dir;

    private final CliFixture cli = CliFixture.in(() -> dir);
    private final String engine = System.getProperty("ai.djl.default_engine", "PyTorch");

    @Test
    void averagedRecordsHoldEveryEpochAndWeightsComeFromTheLastEpochsMean() throws IOException {
        Path out = dir.resolve("stable");
        CliRun run =
                cli.run(
                        "--epochs",
                        "3",
                        "--averaging",
                        "ema:decay=0.9",
                        "--score-epochs",
                        "2",
                        "--strategies",
                        "mean-ratio:gamma=1",
                        "--out",
                        out.toString());
        assertEquals(0, run.exitCode(), run.err());
        List<RunRecord> records = RunsFile.read(out.resolve("runs.jsonl"));
        RunRecord baseline = records.get(0);
        RunRecord weighted = records.get(1);
        assertEquals(engine + "/1/two-stage/uniform[averaging=ema:decay=0.9]/0", baseline.key());
        assertEquals(
                engine
                        + "/1/two-stage/mean-ratio:gamma=1[score-epochs=2;averaging=ema:decay=0.9]"
                        + "/1",
                weighted.key());
        for (RunRecord r : records) {
            assertEquals("ema:decay=0.9", r.training().variant().averaging());
            assertEquals("constant", r.training().variant().schedule());
            assertEquals(3, r.scores().epochValidation().size(), r.key());
            assertEquals(10, r.scores().epochValidation().get(2).tpr().size());
            // the recorded validation scores are those of the averaged model after the last epoch
            assertEquals(
                    r.scores().validation().tpr(),
                    r.scores().epochValidation().get(2).tpr(),
                    r.key());
        }
        assertEquals(2, weighted.arm().weighting().scoreEpochs());

        // mean-ratio:gamma=1 on the mean TPRs of the baseline's epochs 2 and 3:
        // w_c = C * (1 / s_c) / sum_j (1 / s_j), every class with the same number of images
        List<EpochScores> epochs = baseline.scores().epochValidation();
        double[] s = new double[10];
        double inverseSum = 0;
        for (int c = 0; c < 10; c++) {
            s[c] = (epochs.get(1).tpr().get(c) + epochs.get(2).tpr().get(c)) / 2;
            inverseSum += 1 / Math.max(s[c], 1e-3);
        }
        for (int c = 0; c < 10; c++) {
            double expected = 10 * (1 / Math.max(s[c], 1e-3)) / inverseSum;
            assertEquals(expected, weighted.arm().weights().get(c), 1e-9, "weight of class " + c);
        }

        String summary = Files.readString(out.resolve("summary.csv"));
        assertTrue(
                summary.lines()
                        .findFirst()
                        .orElseThrow()
                        .endsWith(
                                ",sd_swing_mean,sd_swing_ci_low,sd_swing_ci_high"
                                        + ",sd_per_error_mean,sd_per_error_ci_low"
                                        + ",sd_per_error_ci_high,delta_sd_per_error_mean"
                                        + ",delta_sd_per_error_ci_low,delta_sd_per_error_ci_high"
                                        + ",sd_corrected_mean,sd_corrected_ci_low"
                                        + ",sd_corrected_ci_high,sd_noise_mean,sd_noise_ci_low"
                                        + ",sd_noise_ci_high"),
                summary);
        String report = Files.readString(out.resolve("report.md"));
        assertTrue(report.contains("### Validation TPR by epoch"), report);
        // the averaging every arm shares is said once, not in each arm's name and file
        assertTrue(
                report.contains(
                        "Settings the arms share, left out of their names: every arm:"
                                + " `averaging=ema:decay=0.9`."),
                report);
        assertTrue(Files.exists(out.resolve("epochs-uniform.png")));
        assertTrue(Files.exists(out.resolve("epochs-mean-ratio-gamma-1-score-epochs-2.png")));
        assertFalse(report.contains("| `uniform` | n/a |"), report);
    }
}

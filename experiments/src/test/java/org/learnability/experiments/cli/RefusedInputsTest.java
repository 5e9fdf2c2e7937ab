package org.learnability.experiments.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.learnability.experiments.testing.CliFixture;
import org.learnability.experiments.testing.CliRun;

/**
 * The last bad inputs of issue 23 that cost work or misled, each refused in one {@code error:} line
 * naming the option or file, with nothing on standard output and nothing written: a seed count that
 * would fill the memory, an empty {@code --devices}, {@code --loss} or {@code --out} of {@code
 * report}, a warm-up as long as the training, learning rates and momenta out of range, and JSON
 * errors without the parser's advice to parse leniently.
 */
class RefusedInputsTest {

    @TempDir Path dir;

    private final CliFixture cli = CliFixture.in(() -> dir);
    private Path out;

    @BeforeEach
    void chooseOut() {
        out = dir.resolve("out");
    }

    private static void assertOneLine(CliRun run, String message) {
        assertEquals("error: " + message + "\n", run.err());
        assertEquals(1, run.exitCode(), run.err());
        assertEquals("", run.out(), "nothing on standard output");
    }

    private void assertRunRefused(String message, String... options) {
        assertOneLine(cli.run(out, options), message);
        assertFalse(Files.exists(out), "nothing written");
    }

    @Test
    void aSeedCountBeyondAnyExperimentIsRefusedAtOnce() {
        assertTimeoutPreemptively(
                Duration.ofSeconds(30),
                () ->
                        assertRunRefused(
                                "--seeds is 2147483647; expected a whole number from 1 to 1000"
                                        + " (each seed trains its own models, and the report's"
                                        + " exact rank test grows with the cube of the seeds)",
                                "--seeds",
                                "2147483647"));
        assertRunRefused(
                "--seeds is 1001; expected a whole number from 1 to 1000 (each seed trains its"
                        + " own models, and the report's exact rank test grows with the cube of"
                        + " the seeds)",
                "--seeds",
                "1001");
    }

    @Test
    void aSeedListOrRangeThatIsNotOneIsRefusedAtOnce() {
        assertRunRefused(
                "--seeds is 5-4; a range goes from the lower seed to the higher, e.g. 4-5",
                "--seeds",
                "5-4");
        assertRunRefused(
                "--seeds is x; expected N (seeds 1 to N), a range such as 4-5 or a list such as"
                        + " 1,3,7",
                "--seeds",
                "x");
        assertRunRefused("--seeds lists seed 3 twice; give each seed once", "--seeds", "1,3,3");
        assertRunRefused(
                "--seeds is 0; expected a whole number from 1 to 1000 (each seed trains its own"
                        + " models, and the report's exact rank test grows with the cube of the"
                        + " seeds)",
                "--seeds",
                "0");
    }

    @Test
    void emptyDevicesAndLossAreRefusedNamingTheOption() {
        assertRunRefused(
                "--devices is empty; expected auto, cpu, gpu or a list such as gpu0,gpu1",
                "--devices",
                "");
        assertRunRefused(
                "--loss is empty; expected one of ce, focal, margin, with parameters as"
                        + " name:key=value if any, e.g. focal:gamma=2",
                "--loss",
                "");
    }

    @Test
    void aWarmUpAsLongAsTheTrainingIsRefused() {
        assertRunRefused(
                "--warmup-epochs is 1; expected a whole number below --epochs (1)",
                "--mode",
                "dynamic",
                "--warmup-epochs",
                "1",
                "--epochs",
                "1");
    }

    @Test
    void learningRateAndMomentumErrorsNameTheirOptions() {
        assertRunRefused("--lr is 0.0; expected a number > 0", "--lr", "0");
        assertRunRefused(
                "--momentum is 1.0; expected a number in [0, 1)",
                "--optimizer",
                "sgd",
                "--momentum",
                "1");
        assertRunRefused("--weight-decay is -1.0; expected a number >= 0", "--weight-decay", "-1");
    }

    @Test
    void reportRefusesAnEmptyOut() {
        assertOneLine(
                CliRun.of("report", "--out", ""),
                "--out is empty; expected the experiment directory to report on, e.g. --out"
                        + " results/run1");
        assertOneLine(
                CliRun.of("report", "--out", out.toString(), "--from", ""),
                "--from is empty; expected an experiment directory, e.g. --from results/run1");
        assertFalse(Files.exists(Path.of("report.md")), "nothing in the working directory");
        assertFalse(Files.exists(out));
    }

    @Test
    void jsonErrorsDoNotAdviseLenientParsing() throws IOException {
        Path scores = Files.writeString(dir.resolve("scores.json"), "{\"tpr\": [0.5, 0.7]} x");
        CliRun weights =
                CliRun.of("weights", "--strategy", "uniform", "--scores", scores.toString());
        assertEquals(1, weights.exitCode());
        assertEquals(1, weights.err().lines().count(), weights.err());
        assertTrue(
                weights.err().startsWith("error: " + scores + ": not valid JSON ("), weights.err());
        assertLeniencyUnmentioned(weights.err());

        Files.createDirectories(out);
        Files.writeString(out.resolve("plan.json"), "{\"epochs\": 1} x");
        CliRun run = cli.run("--out", out.toString());
        assertEquals(1, run.exitCode());
        assertEquals(1, run.err().lines().count(), run.err());
        assertTrue(
                run.err().startsWith("error: " + out.resolve("plan.json") + ": not a plan ("),
                run.err());
        assertLeniencyUnmentioned(run.err());

        Files.delete(out.resolve("plan.json"));
        Files.writeString(out.resolve("runs.jsonl"), "{\"schema\": 3} x\n");
        CliRun report = CliRun.of("report", "--out", out.toString());
        assertEquals(1, report.exitCode());
        assertTrue(
                report.err()
                        .startsWith(
                                "error: "
                                        + out.resolve("runs.jsonl")
                                        + " line 1: not valid JSON ("),
                report.err());
        assertLeniencyUnmentioned(report.err());
    }

    private static void assertLeniencyUnmentioned(String err) {
        assertFalse(err.contains("setStrictness"), err);
        assertFalse(err.contains("setLenient"), err);
        assertFalse(err.contains("Strictness.LENIENT"), err);
    }
}

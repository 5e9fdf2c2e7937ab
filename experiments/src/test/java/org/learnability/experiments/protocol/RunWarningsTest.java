package org.learnability.experiments.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.learnability.experiments.cli.Main;
import org.learnability.experiments.record.RunsFile;
import org.learnability.experiments.testing.CliFixture;
import org.learnability.experiments.testing.CliRun;
import org.learnability.experiments.testing.EngineTest;
import org.learnability.experiments.testing.JavaCommand;

/**
 * What {@code run} says besides its progress: a torn last line of {@code runs.jsonl} is a warning
 * naming the file and the line, on standard error like every warning; an {@code --out} that cannot
 * be made is one error line with its cause, and nothing on standard output; the engine's native
 * library writes nothing there.
 */
@EngineTest
class RunWarningsTest {

    @TempDir Path dir;

    private final CliFixture cli = CliFixture.in(() -> dir);
    private Path out;

    @BeforeEach
    void chooseOut() {
        out = dir.resolve("out");
    }

    @Test
    void aTornLastLineIsAWarningOnStandardErrorAndItsModelTrainsAgain() throws IOException {
        CliRun first = cli.run("--out", out.toString());
        assertEquals(0, first.exitCode(), first.err());
        Path runs = out.resolve(RunsFile.NAME);
        List<String> lines = Files.readAllLines(runs);
        assertEquals(2, lines.size());
        // a run killed while writing its second record
        Files.writeString(runs, lines.get(0) + "\n" + lines.get(1).substring(0, 40));

        CliRun again = cli.run("--out", out.toString());
        assertEquals(0, again.exitCode(), again.err());
        assertEquals(
                "warning: "
                        + runs
                        + " line 2 is incomplete (a run was stopped while writing it) and is"
                        + " ignored; its model is trained again",
                again.err().lines().findFirst().orElse(""),
                again.err());
        assertEquals(
                1, again.err().lines().filter(l -> l.contains(RunsFile.NAME)).count(), again.err());
        assertTrue(again.err().lines().allMatch(l -> l.startsWith("warning: ")), again.err());
        assertFalse(again.out().contains("warning:"), again.out());
        assertEquals(1, again.skipped(), again.out());
        assertEquals(2, Files.readAllLines(runs).size(), "the torn line replaced by the record");
        assertEquals(2, RunsFile.read(runs).size());
    }

    @Test
    void theWeakBaselineWarningGoesToStandardError() {
        // a learning rate that leaves the baseline as initialised: near chance on validation
        CliRun run = cli.run("--lr", "0.000000001", "--out", out.toString());
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(
                run.err().lines().anyMatch(l -> l.startsWith("warning: the baseline of seed 1 (")),
                run.err());
        assertTrue(run.err().lines().allMatch(l -> l.startsWith("warning: ")), run.err());
        assertFalse(run.out().contains("warning:"), run.out());
    }

    @Test
    void anAveragedTrainingWritesNothingOfTheEngineToStandardError() throws Exception {
        // SWA writes averaged parameters and batch-norm statistics into the model: on PyTorch that
        // printed libtorch's "Warning: AutoNonVariableTypeMode is deprecated ..." paragraph
        List<String> args =
                cli.args("--epochs", "2", "--averaging", "swa", "--out", out.toString());
        String text = JavaCommand.standardError(Main.class, args, dir);
        assertFalse(text.contains("AutoNonVariableTypeMode"), text);
        assertTrue(text.lines().allMatch(l -> l.startsWith("warning: ")), text);
    }

    @Test
    void anOutThatCannotBeMadeIsOneLineWithItsCause() {
        Path proc = Path.of("/proc/learnability-out");
        CliRun run = cli.run("--out", proc.toString());
        assertEquals(1, run.exitCode(), run.err());
        assertEquals(
                "error: cannot write to --out "
                        + proc
                        + ": cannot make "
                        + proc
                        + " (no such file or directory)\n",
                run.err());
        assertEquals("", run.out(), "nothing on standard output");
    }
}

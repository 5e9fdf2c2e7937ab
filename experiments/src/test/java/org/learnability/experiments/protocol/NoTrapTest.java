package org.learnability.experiments.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.learnability.experiments.testing.CliFixture;
import org.learnability.experiments.testing.CliRun;
import org.learnability.experiments.testing.OneEngineTest;

/**
 * A run that fails a check writes nothing, so the corrected run goes through without deleting
 * anything by hand; a failed check on a resumed experiment leaves its files as they were.
 */
@OneEngineTest
class NoTrapTest {

    @TempDir Path dir;

    private final CliFixture cli = CliFixture.in(() -> dir);
    private Path out;

    @BeforeEach
    void chooseOut() {
        out = dir.resolve("D");
    }

    private static void assertOneLineError(CliRun run, String message) {
        assertEquals(1, run.exitCode(), run.err());
        assertEquals("error: " + message + "\n", run.err());
        assertEquals("", run.out(), "nothing on standard output before the error");
    }

    private static Map<String, String> snapshot(Path directory) throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> all = Files.walk(directory)) {
            for (Path f : all.filter(Files::isRegularFile).toList()) {
                files.put(
                        directory.relativize(f).toString(),
                        new String(Files.readAllBytes(f), "ISO-8859-1"));
            }
        }
        return files;
    }

    @Test
    void aValidationSplitLargerThanTheDataLeavesNothingAndTheCorrectedRunSucceeds() {
        assertOneLineError(
                cli.run("--val-size", "70000", "--out", out.toString()),
                "validation size 70000 needs 7000 images of each class, but class 0"
                        + " 'T-shirt/top' has only 40 in the training set");
        assertFalse(Files.exists(out), "no directory, no plan.json");
        CliRun corrected = cli.run("--val-size", "100", "--out", out.toString());
        assertEquals(0, corrected.exitCode(), corrected.err());
        assertTrue(Files.exists(out.resolve("runs.jsonl")));
    }

    @Test
    void aTrainingSubsetLargerThanTheDataLeavesNothing() {
        assertOneLineError(
                cli.run("--train-size", "5000", "--out", out.toString()),
                "training size 5000 needs 500 images of each class, but class 0 'T-shirt/top'"
                        + " has only 30 left after the validation split of 100");
        assertFalse(Files.exists(out));
    }

    @Test
    void offlineCifar10WithoutADataDirectoryLeavesNothing() {
        assertOneLineError(
                cli.run("--dataset", "cifar10", "--data-dir", null, "--out", out.toString()),
                "cifar10: no local data given and DJL may not download it"
                        + " (-Dai.djl.offline=true); give the directory of its files with"
                        + " --data-dir");
        assertFalse(Files.exists(out));
    }

    @Test
    void anEmptyOutIsRefused() {
        assertOneLineError(
                cli.run("--out", ""),
                "--out is empty; expected the experiment directory, e.g. --out results/run1");
        assertFalse(Files.exists(Path.of("plan.json")), "nothing in the working directory");
        assertFalse(Files.exists(Path.of("runs.jsonl")), "nothing in the working directory");
    }

    @Test
    void aFailedCheckLeavesAResumedExperimentByteForByte() throws IOException {
        CliRun first = cli.run("--out", out.toString());
        assertEquals(0, first.exitCode(), first.err());
        Map<String, String> before = snapshot(out);
        Path images = cli.data().resolve("train-images-idx3-ubyte.gz");
        byte[] good = Files.readAllBytes(images);
        FileTime time = Files.getLastModifiedTime(images);
        Files.write(images, java.util.Arrays.copyOf(good, 100));
        CliRun broken = cli.run("--out", out.toString());
        assertEquals(1, broken.exitCode());
        assertEquals(1, broken.err().lines().count(), broken.err());
        assertTrue(
                broken.err().startsWith("error: ") && broken.err().contains(images.toString()),
                broken.err());
        assertEquals(before, snapshot(out), "every file as it was");
        Files.write(images, good);
        // the data as it was, its time too: the experiment's data fingerprint holds it
        Files.setLastModifiedTime(images, time);
        CliRun again = cli.run("--out", out.toString());
        assertEquals(0, again.exitCode(), again.err());
        assertEquals(2, again.skipped(), again.out());
    }

    @Test
    void aPlanThatRecordedNoModelIsReplaced() throws IOException {
        CliRun first = cli.run("--out", out.toString());
        assertEquals(0, first.exitCode(), first.err());
        Files.delete(out.resolve("runs.jsonl")); // as a run left it that stopped before any model
        CliRun other = cli.run("--epochs", "2", "--out", out.toString());
        assertEquals(0, other.exitCode(), other.err());
        assertEquals(
                2,
                JsonParser.parseString(Files.readString(out.resolve("plan.json")))
                        .getAsJsonObject()
                        .get("epochs")
                        .getAsInt());
        CliRun contradicting = cli.run("--epochs", "3", "--out", out.toString());
        assertEquals(
                "error: "
                        + out
                        + " holds another experiment: --epochs is 3 but 2 was recorded; use another"
                        + " --out, or the recorded options to resume\n",
                contradicting.err());
    }

    @Test
    void withPlanJsonGoneTheRecordsThemselvesRefuseARunUnderOtherOptions() throws IOException {
        CliRun first = cli.run("--out", out.toString(), "--epochs", "1");
        assertEquals(0, first.exitCode(), first.err());
        Files.delete(out.resolve("plan.json"));
        Map<String, String> before = snapshot(out);
        assertOneLineError(
                cli.run("--out", out.toString(), "--epochs", "2"),
                out
                        + " holds models made under other options: "
                        + System.getProperty("ai.djl.default_engine", "PyTorch")
                        + "/1/two-stage/uniform/0 in runs.jsonl was trained under options that"
                        + " differ from this run's (plan.json, which would name them, is gone);"
                        + " use another --out, or the options the models were made with");
        assertEquals(before, snapshot(out), "nothing written");

        // the options the models were made with go through, and train nothing again
        CliRun same = cli.run("--out", out.toString(), "--epochs", "1");
        assertEquals(0, same.exitCode(), same.err());
        assertEquals(2, same.skipped(), same.out());
    }
}

package org.learnability.experiments.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.learnability.experiments.testing.CliFixture;
import org.learnability.experiments.testing.CliRun;
import org.learnability.experiments.testing.OneEngineTest;
import org.learnability.experiments.testing.RunsJsonl;

/**
 * The baseline that every mode of a seed asks for is counted and trained once: the progress numbers
 * each model once, and a baseline recorded under another mode is not trained again. The ledger's
 * bookkeeping, the same on every engine, so it runs once.
 */
@OneEngineTest
class SharedBaselineTest {

    @TempDir Path dir;

    private final CliFixture cli = CliFixture.in(() -> dir);
    private final String engine = System.getProperty("ai.djl.default_engine", "PyTorch");

    @Test
    void progressNumbersEveryModelOnceThoughEveryModeAsksForTheBaseline() {
        CliRun run =
                cli.run(
                        "--mode",
                        "two-stage,posthoc",
                        "--strategies",
                        "mean-ratio:gamma=2",
                        "--out",
                        dir.resolve("numbered").toString());
        assertEquals(0, run.exitCode(), run.err());
        // per seed: the baseline, the two-stage model, the posthoc one
        assertEquals(
                List.of("[1/3]", "[2/3]", "[3/3]"),
                run.out().lines().filter(l -> l.startsWith("[")).map(l -> l.split(" ")[0]).toList(),
                run.out());
    }

    @Test
    void aBaselineRecordedUnderAnotherModeIsNotTrainedAgain() throws IOException {
        Path first = dir.resolve("first");
        // the same baseline plan as the dynamic run's below (2 epochs): only the mode differs
        cli.succeeds(first, "--strategies", "mean-ratio:gamma=2", "--epochs", "2");
        Path second = Files.createDirectories(dir.resolve("second"));
        String baseline =
                Files.readAllLines(first.resolve("runs.jsonl")).stream()
                        .filter(l -> l.contains("\"key\":\"" + engine + "/1/two-stage/uniform/0\""))
                        .findFirst()
                        .orElseThrow();
        Files.writeString(second.resolve("runs.jsonl"), baseline + "\n");
        CliRun dynamic =
                cli.run(
                        "--mode",
                        "dynamic",
                        "--epochs",
                        "2",
                        "--strategies",
                        "mean-ratio:gamma=2",
                        "--out",
                        second.toString());
        assertEquals(0, dynamic.exitCode(), dynamic.err());
        assertTrue(
                dynamic.out()
                        .contains(
                                "[1/2] "
                                        + engine
                                        + "/1/two-stage/uniform/0: already in runs.jsonl, skipped"),
                dynamic.out());
        List<String> keys = RunsJsonl.keys(second);
        assertEquals(
                List.of(
                        engine + "/1/two-stage/uniform/0",
                        engine + "/1/dynamic/mean-ratio:gamma=2/1"),
                keys);
    }
}

package org.learnability.experiments.protocol;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.learnability.experiments.testing.RunsJsonl.doubles;
import static org.learnability.experiments.testing.RunsJsonl.records;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.learnability.experiments.testing.CliFixture;
import org.learnability.experiments.testing.CliRun;
import org.learnability.experiments.testing.EngineTest;

/**
 * The iterative and dynamic modes end to end on small synthetic Fashion-MNIST files, on each
 * engine: rounds that build on the weights before, weights that change every epoch of a training
 * with SGD, a cosine schedule and weight decay.
 */
@EngineTest
class RunModesTest {

    @TempDir Path dir;

    /** Runs {@code run} with small defaults, which the options of a run replace. */
    private final CliFixture cli = CliFixture.in(() -> dir);

    @Test
    void iterativeRoundsBuildOnTheWeightsBeforeAndDynamicChangesThemEveryEpoch()
            throws IOException {
        Path iterative = dir.resolve("iterative");
        CliRun it =
                cli.run(
                        "--strategies",
                        "multiplicative",
                        "--seeds",
                        "1",
                        "--mode",
                        "iterative",
                        "--rounds",
                        "2",
                        "--out",
                        iterative.toString());
        assertEquals(0, it.exitCode(), it.err());
        List<JsonObject> runs = records(iterative);
        assertEquals(
                List.of(0, 1, 2),
                runs.stream().map(r -> r.getAsJsonObject("arm").get("round").getAsInt()).toList());
        // Round 2: current = round 1's weights, s = round 1's validation TPRs: w = current * exp(1
        // - s), mean 1.
        double[] current = doubles(runs.get(1).getAsJsonObject("arm").getAsJsonArray("weights"));
        double[] s =
                doubles(
                        runs.get(1)
                                .getAsJsonObject("scores")
                                .getAsJsonObject("validation")
                                .getAsJsonArray("tpr"));
        double[] raw = new double[10];
        for (int c = 0; c < 10; c++) {
            raw[c] = current[c] * Math.exp(1 - s[c]);
        }
        double sum = Arrays.stream(raw).sum();
        assertArrayEquals(
                Arrays.stream(raw).map(x -> x * 10 / sum).toArray(),
                doubles(runs.get(2).getAsJsonObject("arm").getAsJsonArray("weights")),
                1e-9);
        assertTrue(Files.exists(iterative.resolve("report.md")));

        Path dynamic = dir.resolve("dynamic");
        CliRun dy =
                cli.run(
                        "--strategies",
                        "mean-ratio",
                        "--seeds",
                        "1",
                        "--mode",
                        "dynamic",
                        "--epochs",
                        "3",
                        "--optimizer",
                        "sgd",
                        "--lr",
                        "0.05",
                        "--schedule",
                        "cosine",
                        "--weight-decay",
                        "0.0001",
                        "--out",
                        dynamic.toString());
        assertEquals(0, dy.exitCode(), dy.err());
        JsonObject weighted = records(dynamic).get(1);
        assertEquals("dynamic", weighted.getAsJsonObject("arm").get("mode").getAsString());
        JsonArray epochWeights = weighted.getAsJsonObject("arm").getAsJsonArray("epochWeights");
        assertEquals(3, epochWeights.size());
        double[] uniform = new double[10];
        Arrays.fill(uniform, 1.0);
        assertArrayEquals(
                uniform,
                doubles(epochWeights.get(0).getAsJsonArray()),
                1e-12,
                "epoch 1 unweighted");
        assertFalse(
                Arrays.equals(uniform, doubles(epochWeights.get(1).getAsJsonArray())),
                "epoch 2 reweighted");
        assertArrayEquals(
                doubles(epochWeights.get(2).getAsJsonArray()),
                doubles(weighted.getAsJsonObject("arm").getAsJsonArray("weights")),
                0);
        assertTrue(Files.exists(dynamic.resolve("report.md")));
    }
}

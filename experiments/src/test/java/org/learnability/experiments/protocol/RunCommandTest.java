package org.learnability.experiments.protocol;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.learnability.experiments.testing.RunsJsonl.doubles;
import static org.learnability.experiments.testing.RunsJsonl.records;

import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.learnability.experiments.testing.CliFixture;
import org.learnability.experiments.testing.CliRun;
import org.learnability.experiments.testing.OneEngineTest;

/**
 * The run command end to end on small synthetic Fashion-MNIST files: the files it writes, their
 * schema, the statistics against values computed here by hand from the recorded TPRs, resume, and
 * the errors it gives before training. All of it is the application's bookkeeping, the same on
 * every engine, so it runs once; the modes that train differently are {@link RunModesTest}.
 */
@OneEngineTest
class RunCommandTest {

    /** t_{0.975, 1}: the Cauchy quantile tan(pi * (0.975 - 0.5)). */
    private static final double T_975_1 = Math.tan(Math.PI * 0.475);

    @TempDir Path dir;

    /** Runs {@code run} with small defaults, which the options of a run replace. */
    private final CliFixture cli = CliFixture.in(() -> dir);

    private final String engine = System.getProperty("ai.djl.default_engine", "PyTorch");

    private static double[] testTpr(JsonObject run) {
        return doubles(run.getAsJsonObject("scores").getAsJsonObject("test").getAsJsonArray("tpr"));
    }

    /** Population variance, the paper's Eq. 6, written out here again on purpose. */
    private static double var(double[] s) {
        double mean = Arrays.stream(s).sum() / s.length;
        return Arrays.stream(s).map(x -> (x - mean) * (x - mean)).sum() / s.length;
    }

    private static Map<String, String> csvRow(Path csv, String strategy) throws IOException {
        List<String> lines = Files.readAllLines(csv);
        String[] header = lines.get(0).split(",", -1);
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split(",", -1);
            Map<String, String> row = new TreeMap<>();
            for (int i = 0; i < header.length; i++) {
                row.put(header[i], cells[i]);
            }
            if (row.get("strategy").equals(strategy)) {
                return row;
            }
        }
        throw new AssertionError("no row for " + strategy + " in " + lines);
    }

    @Test
    void twoStrategiesTwoSeedsTwoStageWritesEveryFileAndTheHandComputedStatistics()
            throws IOException {
        Path out = dir.resolve("out");
        CliRun first =
                cli.run(
                        "--strategies",
                        "mean-ratio:gamma=2,difficulty",
                        "--seeds",
                        "2",
                        "--out",
                        out.toString());
        assertEquals(0, first.exitCode(), first.err());
        assertTrue(
                first.out()
                        .contains(
                                "[6/6] "
                                        + engine
                                        + "/2/two-stage/difficulty/1: training cnn-small"),
                first.out());

        List<JsonObject> runs = records(out);
        assertEquals(6, runs.size());
        for (JsonObject r : runs) {
            Map<String, List<String>> parts =
                    Map.of(
                            "",
                            List.of("schema", "key"),
                            "provenance",
                            List.of(
                                    "dataset",
                                    "model",
                                    "engine",
                                    "engineVersion",
                                    "device",
                                    "seed",
                                    "classNames"),
                            "arm",
                            List.of(
                                    "mode",
                                    "strategy",
                                    "round",
                                    "weights",
                                    "epochWeights",
                                    "weighting"),
                            "training",
                            List.of("epochs", "trainSize"),
                            "training.variant",
                            List.of("schedule", "averaging"),
                            "cost",
                            List.of("wallSeconds", "imagesPerSecond", "finishedAt"),
                            "scores",
                            List.of("validation", "test", "epochValidation"));
            for (Map.Entry<String, List<String>> part : parts.entrySet()) {
                JsonObject fields = r;
                for (String name : part.getKey().split("\\.")) {
                    fields = name.isEmpty() ? fields : fields.getAsJsonObject(name);
                }
                for (String key : part.getValue()) {
                    assertTrue(
                            fields.has(key),
                            "runs.jsonl record has " + part.getKey() + " " + key + ": " + r);
                }
            }
            JsonObject weighting = r.getAsJsonObject("arm").getAsJsonObject("weighting");
            for (String key :
                    List.of(
                            "loss",
                            "apply",
                            "weightEma",
                            "uniformMix",
                            "warmupEpochs",
                            "maxWeightRatio",
                            "scoreEpochs")) {
                assertTrue(weighting.has(key), "the weighting has " + key + ": " + r);
                assertFalse(r.has(key), "only nested: " + key);
                assertFalse(r.getAsJsonObject("arm").has(key), "only in the weighting: " + key);
            }
            assertEquals(7, r.get("schema").getAsInt());
            assertEquals(
                    "official",
                    r.getAsJsonObject("provenance")
                            .getAsJsonObject("testSplit")
                            .get("from")
                            .getAsString(),
                    "the built-in data set's own test set");
            assertEquals(
                    200,
                    r.getAsJsonObject("cost").get("trainedImages").getAsLong(),
                    "1 epoch of 200 images");
            assertEquals(
                    0,
                    weighting.get("maxWeightRatio").getAsDouble(),
                    "no bound without the option");
            assertEquals("ce", weighting.get("loss").getAsString());
            assertEquals("loss", weighting.get("apply").getAsString());
            assertEquals(engine, r.getAsJsonObject("provenance").get("engine").getAsString());
            assertEquals(200, r.getAsJsonObject("training").get("trainSize").getAsInt());
            for (String split : List.of("validation", "test")) {
                JsonObject s = r.getAsJsonObject("scores").getAsJsonObject(split);
                assertEquals(10, s.getAsJsonArray("tpr").size());
                long total = 0;
                for (var row : s.getAsJsonArray("confusionMatrix")) {
                    for (var cell : row.getAsJsonArray()) {
                        total += cell.getAsLong();
                    }
                }
                assertEquals(100, total, split + " holds 100 images");
            }
        }
        for (String file :
                List.of(
                        "plan.json",
                        "summary.csv",
                        "report.md",
                        "tpr.png",
                        "weights.png",
                        "variance.png",
                        "confusion-uniform.png",
                        "confusion-mean-ratio-gamma-2.png",
                        "confusion-difficulty.png")) {
            assertTrue(Files.size(out.resolve(file)) > 0, file);
        }
        assertTrue(Files.readString(out.resolve("report.md")).contains("](tpr.png)"));
        assertEquals(
                4,
                Files.readAllLines(out.resolve("summary.csv")).size(),
                "a header and three strategies");

        // Two-stage weights come from the baseline's validation TPRs: w_c = (mean(s)/max(s_c,
        // eps))^2, mean 1.
        Map<Integer, JsonObject> baselines = new TreeMap<>();
        Map<Integer, JsonObject> meanRatio = new TreeMap<>();
        for (JsonObject r : runs) {
            String strategy = r.getAsJsonObject("arm").get("strategy").getAsString();
            (strategy.equals("uniform")
                            ? baselines
                            : strategy.equals("mean-ratio:gamma=2")
                                    ? meanRatio
                                    : new TreeMap<Integer, JsonObject>())
                    .put(r.getAsJsonObject("provenance").get("seed").getAsInt(), r);
        }
        for (int seed : List.of(1, 2)) {
            double[] s =
                    doubles(
                            baselines
                                    .get(seed)
                                    .getAsJsonObject("scores")
                                    .getAsJsonObject("validation")
                                    .getAsJsonArray("tpr"));
            double mean = Arrays.stream(s).sum() / s.length;
            double[] raw =
                    Arrays.stream(s).map(x -> Math.pow(mean / Math.max(x, 1e-3), 2)).toArray();
            double sum = Arrays.stream(raw).sum();
            double[] expected = Arrays.stream(raw).map(x -> x * 10 / sum).toArray();
            assertArrayEquals(
                    expected,
                    doubles(meanRatio.get(seed).getAsJsonObject("arm").getAsJsonArray("weights")),
                    1e-9);
        }

        // D = Var(baseline) - Var(strategy) per seed on the test TPRs; mean, 95% t interval,
        // one-sided t-test.
        double d1 = var(testTpr(baselines.get(1))) - var(testTpr(meanRatio.get(1)));
        double d2 = var(testTpr(baselines.get(2))) - var(testTpr(meanRatio.get(2)));
        double mean = (d1 + d2) / 2;
        double sd = Math.abs(d1 - d2) / Math.sqrt(2);
        double half = T_975_1 * sd / Math.sqrt(2);
        double t = mean / (sd / Math.sqrt(2));
        double p = 0.5 - Math.atan(t) / Math.PI; // P(T_1 >= t), T_1 Cauchy
        Map<String, String> row = csvRow(out.resolve("summary.csv"), "mean-ratio:gamma=2");
        assertEquals("2", row.get("seeds"));
        assertEquals(mean, Double.parseDouble(row.get("d_mean")), 1e-12);
        assertEquals(mean - half, Double.parseDouble(row.get("d_ci_low")), 1e-9);
        assertEquals(mean + half, Double.parseDouble(row.get("d_ci_high")), 1e-9);
        assertEquals(p, Double.parseDouble(row.get("p_t")), 1e-9);
        double acc1 =
                meanRatio
                                .get(1)
                                .getAsJsonObject("scores")
                                .getAsJsonObject("test")
                                .get("accuracy")
                                .getAsDouble()
                        - baselines
                                .get(1)
                                .getAsJsonObject("scores")
                                .getAsJsonObject("test")
                                .get("accuracy")
                                .getAsDouble();
        double acc2 =
                meanRatio
                                .get(2)
                                .getAsJsonObject("scores")
                                .getAsJsonObject("test")
                                .get("accuracy")
                                .getAsDouble()
                        - baselines
                                .get(2)
                                .getAsJsonObject("scores")
                                .getAsJsonObject("test")
                                .get("accuracy")
                                .getAsDouble();
        assertEquals((acc1 + acc2) / 2, Double.parseDouble(row.get("delta_accuracy_mean")), 1e-12);

        // Again with the same options: every model is skipped, nothing is trained twice.
        String before = Files.readString(out.resolve("runs.jsonl"));
        CliRun again =
                cli.run(
                        "--strategies",
                        "mean-ratio:gamma=2,difficulty",
                        "--seeds",
                        "2",
                        "--out",
                        out.toString());
        assertEquals(0, again.exitCode(), again.err());
        assertEquals(6, again.skipped(), again.out());
        assertEquals(before, Files.readString(out.resolve("runs.jsonl")));

        // Options that contradict the recorded plan are refused.
        CliRun other =
                cli.run(
                        "--strategies",
                        "mean-ratio:gamma=2,difficulty",
                        "--seeds",
                        "2",
                        "--out",
                        out.toString(),
                        "--epochs",
                        "2");
        assertEquals(1, other.exitCode());
        assertEquals(
                "error: "
                        + out
                        + " holds another experiment: --epochs is 2 but 1 was recorded; use another --out,"
                        + " or the recorded options to resume",
                other.err().strip());
    }

    private void assertRefusedBeforeTraining(CliRun run, Path out, String message) {
        assertTrue(run.exitCode() != 0, "non-zero exit");
        assertEquals(1, run.err().lines().count(), run.err());
        assertTrue(run.err().startsWith("error: ") && run.err().contains(message), run.err());
        assertFalse(Files.exists(out.resolve("runs.jsonl")), "nothing trained");
    }

    @Test
    void badInputIsRefusedBeforeAnyTraining() throws IOException {
        Path out = dir.resolve("bad");
        assertRefusedBeforeTraining(
                cli.run("--strategies", "nope", "--out", out.toString()),
                out,
                "unknown strategy 'nope'; known strategies: additive, confusion");
        assertRefusedBeforeTraining(
                cli.run("--strategies", "mean-ratio:gamma=99", "--out", out.toString()),
                out,
                "gamma=99 is not valid; expected a number in [0, 10]");
        assertRefusedBeforeTraining(
                cli.run("--model", "vgg", "--out", out.toString()),
                out,
                "unknown model 'vgg'; known models: cnn-small, resnet-peifer, resnet-peifer-nhwc, resnet20, mlp");
        assertRefusedBeforeTraining(
                cli.run("--preset", "turbo", "--out", out.toString()),
                out,
                "Invalid value for option '--preset'");
        assertRefusedBeforeTraining(
                cli.run("--optimizer", "rmsprop", "--out", out.toString()),
                out,
                "unknown optimizer 'rmsprop'; expected one of adam, sgd");
        assertRefusedBeforeTraining(
                cli.run("--lr", "-1", "--out", out.toString()),
                out,
                "--lr is -1.0; expected a number > 0");
        assertRefusedBeforeTraining(
                cli.run("--mode", "greedy", "--out", out.toString()),
                out,
                "unknown mode 'greedy'; expected one of two-stage, iterative, dynamic");
        Path missing = dir.resolve("no-such-data");
        assertRefusedBeforeTraining(
                cli.run("--data-dir", missing.toString(), "--out", out.toString()),
                out,
                missing.toString());
        Path file = Files.writeString(dir.resolve("a-file"), "x");
        Path unwritable = file.resolve("out");
        assertRefusedBeforeTraining(
                cli.run("--out", unwritable.toString()),
                unwritable,
                "cannot write to --out " + unwritable);
    }
}

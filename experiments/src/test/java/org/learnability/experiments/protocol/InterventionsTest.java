package org.learnability.experiments.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.learnability.experiments.testing.RunsJsonl.doubles;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.learnability.experiments.testing.CliFixture;
import org.learnability.experiments.testing.EngineTest;
import org.learnability.experiments.testing.RunsJsonl;

/**
 * The interventions end to end on small synthetic data, on each engine: a loss family with weighted
 * sampling, the posthoc mode beside two-stage, and dynamic weights with smoothing; their records
 * and report. How the modes share a seed's baseline is {@link SharedBaselineTest}, run once.
 */
@EngineTest
class InterventionsTest {

    @TempDir Path dir;

    private final CliFixture cli = CliFixture.in(() -> dir);
    private final String engine = System.getProperty("ai.djl.default_engine", "PyTorch");

    /** Runs {@code run} into {@code out}, asserts that it succeeds and returns its records. */
    private Map<String, JsonObject> run(Path out, String... options) throws IOException {
        cli.succeeds(out, options);
        return RunsJsonl.byKey(out);
    }

    @Test
    void posthocWithUniformWeightsLeavesTheBaselineAsItIsAndChoosesTOnValidation()
            throws IOException {
        Map<String, JsonObject> runs =
                run(
                        dir.resolve("posthoc"),
                        "--mode",
                        "two-stage,posthoc",
                        "--strategies",
                        "uniform,mean-ratio:gamma=2");
        JsonObject baseline = runs.get(engine + "/1/two-stage/uniform/0");
        JsonObject uniform = runs.get(engine + "/1/posthoc/uniform/1");
        JsonObject adjusted = runs.get(engine + "/1/posthoc/mean-ratio:gamma=2/1");
        assertEquals(
                List.of(
                        engine + "/1/posthoc/mean-ratio:gamma=2/1",
                        engine + "/1/posthoc/uniform/1",
                        engine + "/1/two-stage/mean-ratio:gamma=2/1",
                        engine + "/1/two-stage/uniform/0",
                        engine + "/1/two-stage/uniform/1"),
                List.copyOf(runs.keySet()),
                "a weighted uniform is kept when a mode derives from the baseline");
        assertEquals(
                baseline.getAsJsonObject("scores").get("test"),
                uniform.getAsJsonObject("scores").get("test"),
                "every test figure unchanged");
        assertEquals(
                baseline.getAsJsonObject("scores").get("validation"),
                uniform.getAsJsonObject("scores").get("validation"));
        assertEquals(
                0.0,
                uniform.getAsJsonObject("parts")
                        .getAsJsonObject("posthoc")
                        .get("temperature")
                        .getAsDouble());
        for (double b :
                doubles(
                        uniform.getAsJsonObject("parts")
                                .getAsJsonObject("posthoc")
                                .getAsJsonArray("offsets"))) {
            assertEquals(0.0, b);
        }
        // b_c = T ln(w_c), T on the grid 0, 0.05, ..., 5, validation accuracy within 0.005
        JsonObject posthoc = adjusted.getAsJsonObject("parts").getAsJsonObject("posthoc");
        double t = posthoc.get("temperature").getAsDouble();
        assertTrue(t >= 0 && t <= 5 && Math.abs(t * 20 - Math.rint(t * 20)) < 1e-9, "T " + t);
        double[] w = doubles(adjusted.getAsJsonObject("arm").getAsJsonArray("weights"));
        double[] offsets = doubles(posthoc.getAsJsonArray("offsets"));
        for (int c = 0; c < w.length; c++) {
            assertEquals(t * Math.log(w[c]), offsets[c], 1e-12);
        }
        assertEquals(
                doubles(
                        runs.get(engine + "/1/two-stage/mean-ratio:gamma=2/1")
                                .getAsJsonObject("arm")
                                .getAsJsonArray("weights"))[0],
                w[0],
                1e-12,
                "the same weights as the two-stage model's");
        double accuracy =
                adjusted.getAsJsonObject("scores")
                        .getAsJsonObject("validation")
                        .get("accuracy")
                        .getAsDouble();
        double baselineAccuracy =
                baseline.getAsJsonObject("scores")
                        .getAsJsonObject("validation")
                        .get("accuracy")
                        .getAsDouble();
        assertTrue(accuracy >= baselineAccuracy - 0.005, accuracy + " vs " + baselineAccuracy);
        assertEquals(
                0.0,
                adjusted.getAsJsonObject("cost").get("imagesPerSecond").getAsDouble(),
                "nothing trained");
    }

    @Test
    void aLossFamilyWithSamplingIsRecordedAndReported() throws IOException {
        Path out = dir.resolve("focal");
        Map<String, JsonObject> runs =
                run(
                        out,
                        "--loss",
                        "focal:gamma=2",
                        "--apply",
                        "sampling",
                        "--strategies",
                        "mean-ratio:gamma=2");
        JsonObject weighted =
                runs.get(
                        engine
                                + "/1/two-stage/mean-ratio:gamma=2[loss=focal:gamma=2;apply=sampling]/1");
        assertEquals("focal:gamma=2", weighting(weighted).get("loss").getAsString());
        assertEquals("sampling", weighting(weighted).get("apply").getAsString());
        JsonObject baseline = runs.get(engine + "/1/two-stage/uniform/0");
        assertEquals(
                "ce", weighting(baseline).get("loss").getAsString(), "the baseline is the paper's");
        assertEquals("loss", weighting(baseline).get("apply").getAsString());
        List<String> csv = Files.readAllLines(out.resolve("summary.csv"));
        List<String> header = List.of(csv.get(0).split(","));
        int weighting = header.indexOf("weighting");
        int sd = header.indexOf("sd_reduction_mean");
        assertTrue(weighting > header.indexOf("p_wilcoxon") && sd > weighting, csv.get(0));
        String[] row = csv.get(2).split(",", -1);
        assertEquals("loss=focal:gamma=2;apply=sampling", row[weighting]);
        double before = sd(baseline);
        double after = sd(weighted);
        assertEquals(1 - after / before, Double.parseDouble(row[sd]), 1e-12);
        assertTrue(Files.size(out.resolve("tradeoff.png")) > 0);
        assertTrue(
                Files.readString(out.resolve("report.md"))
                        .contains("`mean-ratio:gamma=2 [loss=focal:gamma=2;apply=sampling]`"));
    }

    private static double sd(JsonObject record) {
        double[] s =
                doubles(
                        record.getAsJsonObject("scores")
                                .getAsJsonObject("test")
                                .getAsJsonArray("tpr"));
        double mean = java.util.Arrays.stream(s).average().orElseThrow();
        return Math.sqrt(
                java.util.Arrays.stream(s).map(x -> (x - mean) * (x - mean)).sum() / s.length);
    }

    @Test
    void dynamicWeightsWarmUpAndAreSmoothed() throws IOException {
        Map<String, JsonObject> runs =
                run(
                        dir.resolve("dynamic"),
                        "--mode",
                        "dynamic",
                        "--epochs",
                        "3",
                        "--warmup-epochs",
                        "2",
                        "--weight-ema",
                        "0.5",
                        "--uniform-mix",
                        "0.2",
                        "--strategies",
                        "mean-ratio:gamma=2");
        JsonObject weighted =
                runs.get(engine + "/1/dynamic/mean-ratio:gamma=2[ema=0.5;mix=0.2;warmup=2]/1");
        JsonArray epochWeights = weighted.getAsJsonObject("arm").getAsJsonArray("epochWeights");
        assertEquals(3, epochWeights.size());
        for (int e = 0; e < 2; e++) {
            for (double w : doubles(epochWeights.get(e).getAsJsonArray())) {
                assertEquals(1.0, w, 1e-12, "warm-up epoch " + (e + 1) + " is unweighted");
            }
        }
        // w = 0.8 (0.5 * 1 + 0.5 * W) + 0.2 >= 0.6, never 1 throughout: smoothed, not uniform
        double[] last = doubles(epochWeights.get(2).getAsJsonArray());
        boolean changed = false;
        for (double w : last) {
            assertTrue(w >= 0.6 - 1e-9, "smoothed weight " + w);
            changed |= Math.abs(w - 1) > 1e-6;
        }
        assertTrue(changed, "epoch 3 is weighted");
        assertEquals(0.5, weighting(weighted).get("weightEma").getAsDouble());
        assertEquals(0.2, weighting(weighted).get("uniformMix").getAsDouble());
        assertEquals(2, weighting(weighted).get("warmupEpochs").getAsInt());
        assertFalse(
                weighted.getAsJsonObject("parts").has("posthoc")
                        && !weighted.getAsJsonObject("parts").get("posthoc").isJsonNull());
    }

    /** The nested weighting of a record (schema 4). */
    private static JsonObject weighting(JsonObject record) {
        return record.getAsJsonObject("arm").getAsJsonObject("weighting");
    }
}

package org.learnability.experiments.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.learnability.experiments.testing.RunsJsonl.records;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.learnability.experiments.testing.CliFixture;
import org.learnability.experiments.testing.CliRun;
import org.learnability.experiments.testing.EngineTest;

/**
 * What the engine computes when a model is built on a saved or kept baseline, on both engines: a
 * fine-tune of 0 epochs is the baseline, figure for figure; a baseline saved and loaded again
 * scores the test confusion matrix it was recorded with; {@code score} prints its TPRs.
 */
@EngineTest
class FinetuneTest {

    @TempDir Path dir;

    private final CliFixture cli = CliFixture.in(() -> dir);
    private final String engine = System.getProperty("ai.djl.default_engine", "PyTorch");

    private static JsonArray matrix(JsonObject record, String split) {
        return record.getAsJsonObject("scores")
                .getAsJsonObject(split)
                .getAsJsonArray("confusionMatrix");
    }

    @Test
    void zeroFinetuneEpochsGiveTheBaselinesFiguresExactly() throws IOException {
        Path out = dir.resolve("zero");
        cli.succeeds(
                out,
                "--mode",
                "finetune,finetune+posthoc",
                "--finetune-epochs",
                "0",
                "--epochs",
                "2",
                "--averaging",
                "ema",
                "--save-models",
                "all",
                "--strategies",
                "mean-ratio:gamma=2");
        List<JsonObject> records = records(out);
        JsonObject baseline = records.get(0);
        assertEquals(0, baseline.getAsJsonObject("arm").get("round").getAsInt());
        List<JsonObject> tuned =
                records.stream()
                        .filter(
                                r ->
                                        r.getAsJsonObject("arm")
                                                .get("mode")
                                                .getAsString()
                                                .equals("finetune"))
                        .toList();
        assertEquals(3, tuned.size(), "the baseline, the uniform control and mean-ratio");
        for (JsonObject r : tuned) {
            for (String split : List.of("validation", "test")) {
                assertEquals(matrix(baseline, split), matrix(r, split), r.get("key") + " " + split);
            }
        }
        assertEquals(0, tuned.get(1).getAsJsonObject("cost").get("trainedImages").getAsLong());
        assertTrue(tuned.get(1).has("savedModel"), "the baseline as it is, saved as any model");
    }

    @Test
    void aSavedBaselineLoadsToItsRecordedScoresAndScorePrintsThem() throws IOException {
        Path out = dir.resolve("saved");
        cli.succeeds(out, "--strategies", "mean-ratio:gamma=2");
        CliRun extended =
                cli.succeeds(
                        out,
                        "--mode",
                        "two-stage,finetune",
                        "--finetune-epochs",
                        "0",
                        "--strategies",
                        "mean-ratio:gamma=2");
        String key = engine + "/1/two-stage/uniform/0";
        assertTrue(
                extended.out().contains(key + ": already in runs.jsonl, its model loaded from "),
                extended.out());
        List<JsonObject> records = records(out);
        JsonObject baseline = records.get(0);
        for (JsonObject r : records.subList(2, records.size())) {
            assertEquals(matrix(baseline, "test"), matrix(r, "test"), r.get("key").toString());
            assertEquals(matrix(baseline, "validation"), matrix(r, "validation"));
        }

        CliRun score =
                CliRun.of(
                        "score",
                        "--plugins",
                        CliRun.noPlugins(dir),
                        "--out",
                        out.toString(),
                        "--key",
                        key,
                        "--devices",
                        "cpu",
                        "--format",
                        "json");
        assertEquals(0, score.exitCode(), score.err());
        JsonObject printed = JsonParser.parseString(score.out()).getAsJsonObject();
        assertEquals(
                baseline.getAsJsonObject("scores").getAsJsonObject("test").get("tpr"),
                printed.get("tpr"));
        assertEquals(matrix(baseline, "test"), printed.get("confusionMatrix"));
        assertTrue(printed.get("asRecorded").getAsBoolean());

        CliRun validation =
                CliRun.of(
                        "score",
                        "--plugins",
                        CliRun.noPlugins(dir),
                        "--out",
                        out.toString(),
                        "--key",
                        key,
                        "--devices",
                        "cpu",
                        "--split",
                        "validation");
        assertEquals(0, validation.exitCode(), validation.err());
        JsonArray tpr =
                baseline.getAsJsonObject("scores")
                        .getAsJsonObject("validation")
                        .getAsJsonArray("tpr");
        assertTrue(validation.out().contains("split: validation\n"), validation.out());
        assertTrue(
                validation
                        .out()
                        .contains(
                                String.format(
                                        java.util.Locale.ROOT,
                                        "    0  T-shirt/top  %8.4f%n",
                                        tpr.get(0).getAsDouble())),
                validation.out());
        assertTrue(validation.out().endsWith("as recorded: yes\n"), validation.out());
    }
}

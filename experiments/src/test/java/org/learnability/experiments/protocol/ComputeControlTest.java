package org.learnability.experiments.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.learnability.experiments.testing.CliFixture;
import org.learnability.experiments.testing.CliRun;
import org.learnability.experiments.testing.EngineTest;
import org.learnability.experiments.testing.RunsJsonl;

/**
 * The compute-matched control on both engines: with {@code --controls} the two-stage arm, which
 * costs two trainings (its own and the baseline's its weights come from), gets an unweighted model
 * of the baseline's recipe trained exactly twice the baseline's images, its schedule and warm-up
 * stretched over the longer run, at the same learning rate; a resumed run finds it recorded.
 */
@EngineTest
class ComputeControlTest {

    @TempDir Path dir;

    private final CliFixture cli =
            CliFixture.in(() -> dir)
                    .with(
                            "--epochs",
                            "2",
                            "--schedule",
                            "cosine",
                            "--warmup",
                            "0.25",
                            "--lr",
                            "0.002",
                            "--strategies",
                            "mean-ratio:gamma=2");

    /** Runs with {@code --controls}, a switch. */
    private CliRun run(Path out) {
        List<String> args = new ArrayList<>(cli.args("--out", out.toString()));
        args.add("--controls");
        CliRun run = CliRun.of(args);
        assertEquals(0, run.exitCode(), run.err());
        return run;
    }

    private static JsonObject only(List<JsonObject> records, String mode) {
        List<JsonObject> of =
                records.stream()
                        .filter(
                                r ->
                                        r.getAsJsonObject("arm")
                                                .get("mode")
                                                .getAsString()
                                                .equals(mode))
                        .filter(r -> r.getAsJsonObject("arm").get("round").getAsInt() > 0)
                        .toList();
        assertEquals(1, of.size(), mode + ": " + of);
        return of.get(0);
    }

    private static JsonObject baseline(List<JsonObject> records) {
        return records.stream()
                .filter(r -> r.getAsJsonObject("arm").get("round").getAsInt() == 0)
                .findFirst()
                .orElseThrow();
    }

    private static long images(JsonObject record, String field) {
        return record.getAsJsonObject("cost").get(field).getAsLong();
    }

    @Test
    void theTwoStageArmsControlTrainsTwiceTheBaselinesImagesWithItsRecipe() throws IOException {
        Path out = dir.resolve("out");
        run(out);
        List<JsonObject> records = RunsJsonl.records(out);
        assertEquals(3, records.size(), "baseline, two-stage, its control");
        JsonObject baseline = baseline(records);
        JsonObject twoStage = only(records, "two-stage");
        JsonObject control = only(records, "control");

        long baselineImages = images(baseline, "trainedImages");
        assertEquals(2 * 200, baselineImages, "2 epochs of 200 images");
        assertEquals(2 * baselineImages, images(control, "trainedImages"));
        assertEquals(2 * baselineImages, images(twoStage, "totalImages"));
        assertEquals(baselineImages, images(twoStage, "trainedImages"));
        assertEquals(baselineImages, images(baseline, "totalImages"));

        JsonObject training = control.getAsJsonObject("training");
        assertEquals(4, training.get("epochs").getAsInt());
        assertEquals(2, baseline.getAsJsonObject("training").get("epochs").getAsInt());
        assertEquals(
                baseline.getAsJsonObject("training").get("variant"),
                training.get("variant"),
                "the baseline's schedule, warm-up share, averaging");

        JsonObject part = control.getAsJsonObject("parts").getAsJsonObject("control");
        assertEquals(4, part.get("epochs").getAsInt());
        assertEquals(2, part.get("baselineEpochs").getAsInt());
        assertEquals(0.002, part.get("learningRate").getAsDouble());
        assertEquals("cosine", part.get("schedule").getAsString());
        assertEquals(0.25, part.get("warmup").getAsDouble());
        assertEquals("none", part.get("averaging").getAsString());

        JsonObject arm = control.getAsJsonObject("arm");
        assertEquals("uniform", arm.get("strategy").getAsString());
        arm.getAsJsonArray("weights").forEach(w -> assertEquals(1.0, w.getAsDouble()));
        String engine = baseline.getAsJsonObject("provenance").get("engine").getAsString();
        assertEquals(
                engine + "/1/control/uniform[epochs=4;schedule=cosine;warmup=0.25]/1",
                control.get("key").getAsString());

        String report = Files.readString(out.resolve("report.md"));
        assertTrue(report.contains("Against the compute-matched control"), report);
        assertTrue(report.contains("control ×2"), report);

        // report reads the directory as run wrote it: a control carries the baseline's options
        CliRun rebuilt = cli.command("report", "--out", out.toString());
        assertEquals(0, rebuilt.exitCode(), rebuilt.err());
        assertEquals(report, Files.readString(out.resolve("report.md")));

        CliRun again = run(out);
        assertEquals(3, RunsJsonl.records(out).size(), "nothing trained again");
        assertEquals(3, again.skipped(), again.out());
    }
}

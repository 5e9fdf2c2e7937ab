package org.learnability.experiments.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.learnability.experiments.testing.RunsJsonl.byKey;

import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.learnability.experiments.testing.CliFixture;
import org.learnability.experiments.testing.CliRun;
import org.learnability.experiments.testing.OneEngineTest;

/**
 * What a later run does with the saved models of an earlier one (issue 33, item 12): it removes the
 * staging directory a run killed while saving left, and it saves a baseline that a run with {@code
 * --save-models none} left unsaved once it trains it again, so the run after loads it.
 */
@OneEngineTest
class SavedModelsLaterTest {

    @TempDir Path dir;

    private final CliFixture cli = CliFixture.in(() -> dir);
    private final String engine = System.getProperty("ai.djl.default_engine", "PyTorch");

    private String baselineKey() {
        return engine + "/1/two-stage/uniform/0";
    }

    private String baselineDir() {
        return "models/" + engine.toLowerCase() + "-1-two-stage-uniform-0";
    }

    @Test
    void aStagingDirectoryLeftByAKilledSaveIsRemovedByTheNextRun() throws IOException {
        Path out = dir.resolve("killed");
        cli.succeeds(out, "--strategies", "mean-ratio:gamma=2");
        Path models = out.resolve("models");
        // what Files.createTempDirectory made for a save that kill -9 stopped
        Path left =
                Files.createDirectories(
                        models.resolve("." + engine.toLowerCase() + "-1-two-stage-uniform-0-4711"));
        Files.write(left.resolve("cnn-small-0001.params"), new byte[1000]);
        Path notOurs = Files.createDirectories(models.resolve(".notes"));

        CliRun again = cli.succeeds(out, "--strategies", "mean-ratio:gamma=2");
        assertEquals(2, again.skipped(), again.out());
        assertFalse(Files.exists(left), "the staging directory is removed");
        assertTrue(Files.exists(notOurs), "what is not a staging directory stays");
        assertTrue(Files.exists(out.resolve(baselineDir()).resolve("cnn-small-0001.params")));
    }

    @Test
    void aBaselineLeftUnsavedIsSavedWhenTrainedAgainAndLoadedAfter() throws IOException {
        Path out = dir.resolve("unsaved");
        cli.succeeds(
                out,
                "--save-models",
                "none",
                "--mode",
                "two-stage,posthoc",
                "--strategies",
                "mean-ratio:gamma=2");
        assertFalse(Files.exists(out.resolve("models")));
        JsonObject unsaved = byKey(out).get(baselineKey());

        CliRun extended =
                cli.succeeds(
                        out,
                        "--mode",
                        "two-stage,posthoc",
                        "--strategies",
                        "mean-ratio:gamma=2,difficulty");
        assertTrue(
                extended.out()
                        .contains(
                                baselineKey()
                                        + ": already in runs.jsonl, its model was not saved:"
                                        + " training it again for it"),
                extended.out());
        assertFalse(extended.err().contains("does not score as recorded"), extended.err());
        assertFalse(extended.err().contains("saved model"), extended.err());
        JsonObject saved = byKey(out).get(baselineKey());
        String file = baselineDir() + "/cnn-small-0001.params";
        assertEquals(file, saved.getAsJsonObject("savedModel").get("path").getAsString());
        assertEquals(
                ModelStore.sha256(out.resolve(file)),
                saved.getAsJsonObject("savedModel").get("sha256").getAsString());
        saved.remove("savedModel");
        assertEquals(unsaved, saved, "the record appended again names the file, nothing else");

        CliRun after =
                cli.succeeds(
                        out,
                        "--mode",
                        "two-stage,posthoc",
                        "--strategies",
                        "mean-ratio:gamma=2,difficulty,shifted-power");
        assertTrue(
                after.out()
                        .contains(
                                baselineKey()
                                        + ": already in runs.jsonl, its model loaded from "
                                        + file),
                after.out());
    }
}

package org.learnability.experiments.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.learnability.experiments.testing.RunsJsonl.records;

import com.google.gson.JsonObject;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.learnability.experiments.testing.CliFixture;
import org.learnability.experiments.testing.CliRun;
import org.learnability.experiments.testing.OneEngineTest;

/**
 * Saved models: a run saves every baseline (DJL's format, its SHA-256 in its record), a rerun or an
 * extended experiment loads it instead of training it again and says so in the baseline's line, a
 * missing or damaged file is trained again with one warning, {@code --save-models} chooses what is
 * saved, and {@code score} refuses what it cannot score in one line. The bookkeeping is the same on
 * every engine (that a reloaded model scores as recorded is {@link FinetuneTest}'s, on both).
 */
@OneEngineTest
class SavedModelsTest {

    @TempDir Path dir;

    private final CliFixture cli = CliFixture.in(() -> dir);
    private final String engine = System.getProperty("ai.djl.default_engine", "PyTorch");

    private String baselineKey() {
        return engine + "/1/two-stage/uniform/0";
    }

    private String baselineFile() {
        return "models/" + engine.toLowerCase() + "-1-two-stage-uniform-0/cnn-small-0001.params";
    }

    private static List<String> savedModelWarnings(CliRun run) {
        return run.err().lines().filter(l -> l.contains("its saved model")).toList();
    }

    @Test
    void aBaselineIsSavedWithItsChecksumAndAddingAStrategyTrainsNoBaseline() throws IOException {
        Path out = dir.resolve("extended");
        cli.succeeds(out, "--mode", "two-stage,posthoc", "--strategies", "mean-ratio:gamma=2");
        JsonObject baseline = records(out).get(0);
        assertEquals(baselineKey(), baseline.get("key").getAsString());
        JsonObject saved = baseline.getAsJsonObject("savedModel");
        assertEquals(baselineFile(), saved.get("path").getAsString());
        assertEquals(
                ModelStore.sha256(out.resolve(baselineFile())), saved.get("sha256").getAsString());
        String baselineLine = Files.readAllLines(out.resolve("runs.jsonl")).get(0);

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
                                "[1/5] "
                                        + baselineKey()
                                        + ": already in runs.jsonl, its model loaded from "
                                        + baselineFile()
                                        + "\n"),
                extended.out());
        assertFalse(extended.out().contains("uniform/0: training"), extended.out());
        assertFalse(extended.out().contains("again"), extended.out());
        assertEquals(List.of(), savedModelWarnings(extended));
        List<String> lines = Files.readAllLines(out.resolve("runs.jsonl"));
        assertEquals(baselineLine, lines.get(0), "the baseline's record is unchanged");
        assertEquals(
                1,
                records(out).stream()
                        .filter(r -> r.getAsJsonObject("arm").get("round").getAsInt() == 0)
                        .count(),
                "one baseline");
        assertEquals(5, lines.size());
        assertTrue(
                Files.readString(out.resolve("plan.json")).contains("\"difficulty\""),
                "the extended plan is recorded");
    }

    @Test
    void aDamagedOrMissingModelFileIsTrainedAgainWithOneWarning() throws IOException {
        Path out = dir.resolve("damaged");
        cli.succeeds(out, "--strategies", "mean-ratio:gamma=2");
        Path file = out.resolve(baselineFile());
        String sha = ModelStore.sha256(file);
        byte[] bytes = Files.readAllBytes(file);
        bytes[bytes.length / 2] ^= 0x5a;
        Files.write(file, bytes);

        CliRun again =
                cli.succeeds(
                        out, "--mode", "two-stage,posthoc", "--strategies", "mean-ratio:gamma=2");
        List<String> warnings = savedModelWarnings(again);
        assertEquals(1, warnings.size(), again.err());
        assertTrue(
                warnings.get(0)
                        .startsWith(
                                "warning: "
                                        + baselineKey()
                                        + ": its saved model "
                                        + baselineFile()
                                        + " has SHA-256 "),
                warnings.get(0));
        assertTrue(warnings.get(0).endsWith("; training it again (its record stays)"));
        assertFalse(again.err().contains("does not score as recorded"), again.err());
        assertTrue(
                again.out()
                        .contains(
                                baselineKey()
                                        + ": already in runs.jsonl, its saved model is damaged:"
                                        + " training it again for its model, cnn-small for 1"
                                        + " epoch on 200 images ("),
                again.out());
        assertEquals(sha, ModelStore.sha256(file), "trained again, the same file");
        assertEquals(3, records(out).size(), "posthoc recorded, the baseline not again");

        Files.delete(file);
        CliRun missing =
                cli.succeeds(
                        out,
                        "--mode",
                        "two-stage,posthoc",
                        "--strategies",
                        "mean-ratio:gamma=2,difficulty");
        warnings = savedModelWarnings(missing);
        assertEquals(
                List.of(
                        "warning: "
                                + baselineKey()
                                + ": its saved model "
                                + baselineFile()
                                + " is missing; training it again (its record stays)"),
                warnings);
        assertTrue(missing.out().contains("its saved model is missing: training it again"));
        assertTrue(Files.exists(file), "saved again");
        assertEquals(5, records(out).size());
    }

    @Test
    void aModelOfOtherDataOrTruncatedWithItsChecksumIsTrainedAgainWithOneWarning()
            throws IOException {
        Path out = dir.resolve("swapped");
        cli.succeeds(out, "--strategies", "mean-ratio:gamma=2");
        Path file = out.resolve(baselineFile());
        byte[] bytes = Files.readAllBytes(file);

        // truncated, and its checksum in the record updated: the file is the one recorded
        Files.write(file, Arrays.copyOf(bytes, bytes.length / 2));
        recordChecksum(out, ModelStore.sha256(file));
        CliRun truncated =
                cli.succeeds(
                        out, "--mode", "two-stage,posthoc", "--strategies", "mean-ratio:gamma=2");
        assertEquals(
                List.of(
                        "warning: "
                                + baselineKey()
                                + ": its saved model "
                                + baselineFile()
                                + " cannot be loaded (cannot load model cnn-small from "
                                + file.getParent()
                                + ": its file ends early (truncated)); training it again (its"
                                + " record stays)"),
                savedModelWarnings(truncated));

        // the baseline of an experiment on other data (2 classes of 8x8 images), its checksum
        // put in the record
        Path other = dir.resolve("other");
        cli.on(greyFolder(dir.resolve("images")))
                .with(
                        "--dataset",
                        "image-folder",
                        "--test-size",
                        "4",
                        "--val-size",
                        "4",
                        "--train-size",
                        "0")
                .succeeds(other, "--strategies", "mean-ratio:gamma=2");
        Files.copy(other.resolve(baselineFile()), file, StandardCopyOption.REPLACE_EXISTING);
        recordChecksum(out, ModelStore.sha256(file));
        CliRun swapped =
                cli.succeeds(
                        out,
                        "--mode",
                        "two-stage,posthoc",
                        "--strategies",
                        "mean-ratio:gamma=2,difficulty");
        List<String> warnings = savedModelWarnings(swapped);
        assertEquals(1, warnings.size(), swapped.err());
        assertTrue(
                warnings.get(0)
                        .startsWith(
                                "warning: "
                                        + baselineKey()
                                        + ": its saved model "
                                        + baselineFile()
                                        + " cannot be loaded (cannot load model cnn-small from "
                                        + file.getParent()
                                        + ": its parameters do not fit 1x28x28 inputs (a model of"
                                        + " other data?): "),
                warnings.get(0));
        assertTrue(warnings.get(0).endsWith("; training it again (its record stays)"));
        assertEquals(5, records(out).size(), "the new arms recorded");
    }

    /** Puts a checksum into the baseline's record, as one who swapped its file would. */
    private void recordChecksum(Path out, String sha) throws IOException {
        Path runs = out.resolve("runs.jsonl");
        JsonObject saved = records(out).get(0).getAsJsonObject("savedModel");
        Files.writeString(
                runs, Files.readString(runs).replace(saved.get("sha256").getAsString(), sha));
    }

    /** Two classes of six grey 8x8 PNGs. */
    private static Path greyFolder(Path folder) throws IOException {
        for (String name : List.of("left", "right")) {
            Path classFolder = Files.createDirectories(folder.resolve(name));
            for (int i = 0; i < 6; i++) {
                BufferedImage image = new BufferedImage(8, 8, BufferedImage.TYPE_BYTE_GRAY);
                image.getRaster().setSample(i, i, 0, name.equals("left") ? 40 : 200);
                ImageIO.write(image, "png", classFolder.resolve(i + ".png").toFile());
            }
        }
        return folder;
    }

    @Test
    void saveModelsChoosesWhatIsSaved() throws IOException {
        Path all = dir.resolve("all");
        cli.succeeds(
                all,
                "--save-models",
                "all",
                "--mode",
                "two-stage,finetune,finetune+posthoc",
                "--strategies",
                "mean-ratio:gamma=2");
        try (Stream<Path> models = Files.list(all.resolve("models"))) {
            assertEquals(
                    List.of(
                            engine.toLowerCase() + "-1-finetune-mean-ratio-gamma-2-1",
                            engine.toLowerCase() + "-1-finetune-uniform-1",
                            engine.toLowerCase() + "-1-two-stage-mean-ratio-gamma-2-1",
                            engine.toLowerCase() + "-1-two-stage-uniform-0"),
                    models.map(p -> p.getFileName().toString()).sorted().toList());
        }
        for (JsonObject r : records(all)) {
            boolean derived =
                    r.getAsJsonObject("arm").get("mode").getAsString().endsWith("+posthoc");
            assertEquals(!derived, r.has("savedModel"), r.get("key").getAsString());
            if (r.has("savedModel")) {
                JsonObject saved = r.getAsJsonObject("savedModel");
                assertEquals(
                        ModelStore.sha256(all.resolve(saved.get("path").getAsString())),
                        saved.get("sha256").getAsString());
            }
        }

        Path none = dir.resolve("none");
        cli.succeeds(none, "--save-models", "none", "--strategies", "mean-ratio:gamma=2");
        assertFalse(Files.exists(none.resolve("models")));
        records(none).forEach(r -> assertFalse(r.has("savedModel"), r.toString()));

        CliRun bad = cli.run("--save-models", "some");
        assertEquals(2, bad.exitCode());
        assertEquals(1, bad.err().lines().count(), bad.err());
        assertTrue(bad.err().contains("'some' is not baselines, all or none"), bad.err());
    }

    @Test
    void scoreRefusesInOneLineWhatItCannotScore() throws IOException {
        Path out = dir.resolve("scored");
        cli.succeeds(out, "--strategies", "mean-ratio:gamma=2");
        String plugins = CliRun.noPlugins(dir);
        CliRun noDir =
                CliRun.of(
                        "score",
                        "--plugins",
                        plugins,
                        "--out",
                        dir.resolve("nothing").toString(),
                        "--key",
                        baselineKey());
        assertEquals(1, noDir.exitCode());
        assertEquals(
                "error: --out "
                        + dir.resolve("nothing")
                        + " is not an experiment directory (no plan.json and runs.jsonl)\n",
                noDir.err());
        CliRun noKey =
                CliRun.of("score", "--plugins", plugins, "--out", out.toString(), "--key", "x/1");
        assertEquals(
                "error: --key x/1 is not in "
                        + out.resolve("runs.jsonl")
                        + "; its saved models: "
                        + baselineKey()
                        + "\n",
                noKey.err());
        CliRun emptyKey =
                CliRun.of("score", "--plugins", plugins, "--out", out.toString(), "--key", "");
        assertEquals(
                "error: --key is empty; expected the key of a model in "
                        + out.resolve("runs.jsonl")
                        + "; its saved models: "
                        + baselineKey()
                        + "\n",
                emptyKey.err());
        String weighted = engine + "/1/two-stage/mean-ratio:gamma=2/1";
        CliRun notSaved =
                CliRun.of(
                        "score", "--plugins", plugins, "--out", out.toString(), "--key", weighted);
        assertEquals(1, notSaved.exitCode());
        assertTrue(
                notSaved.err().startsWith("error: --key " + weighted + ": its model was not saved"),
                notSaved.err());
        CliRun badSplit =
                CliRun.of(
                        "score",
                        "--plugins",
                        plugins,
                        "--out",
                        out.toString(),
                        "--key",
                        baselineKey(),
                        "--split",
                        "train");
        assertEquals(2, badSplit.exitCode());
        assertEquals(1, badSplit.err().lines().count(), badSplit.err());
        Files.write(out.resolve(baselineFile()), new byte[] {1, 2, 3}, StandardOpenOption.APPEND);
        CliRun damaged =
                CliRun.of(
                        "score",
                        "--plugins",
                        plugins,
                        "--out",
                        out.toString(),
                        "--key",
                        baselineKey());
        assertEquals(1, damaged.exitCode());
        assertEquals(1, damaged.err().lines().count(), damaged.err());
        assertTrue(
                damaged.err()
                        .startsWith(
                                "error: --key "
                                        + baselineKey()
                                        + ": its saved model "
                                        + baselineFile()
                                        + " has SHA-256 "),
                damaged.err());
        assertEquals("", damaged.out());
    }

    @Test
    void finetuneTrainsAUniformControlAndPosthocOnTopOfIt() throws IOException {
        Path out = dir.resolve("finetune");
        CliRun first =
                cli.succeeds(
                        out,
                        "--mode",
                        "finetune,finetune+posthoc",
                        "--strategies",
                        "mean-ratio:gamma=2");
        List<JsonObject> records = records(out);
        assertEquals(
                List.of(
                        engine + "/1/finetune/uniform/0",
                        engine + "/1/finetune/uniform/1",
                        engine + "/1/finetune/mean-ratio:gamma=2/1",
                        engine + "/1/finetune+posthoc/uniform/1",
                        engine + "/1/finetune+posthoc/mean-ratio:gamma=2/1"),
                records.stream().map(r -> r.get("key").getAsString()).toList(),
                first.out());
        JsonObject control = records.get(1);
        assertEquals(
                200,
                control.getAsJsonObject("cost").get("trainedImages").getAsLong(),
                "one epoch of 200 images");
        assertEquals(
                1,
                control.getAsJsonObject("parts")
                        .getAsJsonObject("finetune")
                        .get("epochs")
                        .getAsInt());
        assertEquals(
                0.0001,
                control.getAsJsonObject("parts")
                        .getAsJsonObject("finetune")
                        .get("learningRate")
                        .getAsDouble());
        for (int i = 3; i < 5; i++) {
            JsonObject onTop = records.get(i);
            assertEquals(0, onTop.getAsJsonObject("cost").get("trainedImages").getAsLong());
            assertNotNull(onTop.getAsJsonObject("parts").get("posthoc"));
            assertNotNull(onTop.getAsJsonObject("parts").get("finetune"));
            for (int c = 0; c < 10; c++) {
                assertEquals(
                        records.get(i - 2)
                                .getAsJsonObject("arm")
                                .getAsJsonArray("weights")
                                .get(c)
                                .getAsDouble(),
                        onTop.getAsJsonObject("arm").getAsJsonArray("weights").get(c).getAsDouble(),
                        1e-12,
                        "the source's weights");
            }
        }
        assertEquals(
                control.getAsJsonObject("scores").getAsJsonObject("test").get("confusionMatrix"),
                records.get(3)
                        .getAsJsonObject("scores")
                        .getAsJsonObject("test")
                        .get("confusionMatrix"),
                "uniform weights give no offsets");
        assertNull(records.get(3).get("savedModel"));

        // another learning rate is another arm, named in its key
        Path other = dir.resolve("other-rate");
        cli.succeeds(
                other,
                "--mode",
                "finetune",
                "--strategies",
                "mean-ratio:gamma=2",
                "--finetune-lr",
                "0.001",
                "--finetune-epochs",
                "2");
        assertEquals(
                engine + "/1/finetune/uniform[finetune-epochs=2;finetune-lr=0.001]/1",
                records(other).get(1).get("key").getAsString());
        assertEquals(
                400,
                records(other).get(1).getAsJsonObject("cost").get("trainedImages").getAsLong());

        // posthoc added on top of a finetune recorded before fine-tunes it again, once each
        Path later = dir.resolve("later");
        cli.succeeds(later, "--mode", "finetune", "--strategies", "mean-ratio:gamma=2");
        CliRun onTop =
                cli.succeeds(
                        later,
                        "--mode",
                        "finetune,finetune+posthoc",
                        "--strategies",
                        "mean-ratio:gamma=2");
        assertEquals(
                2,
                onTop.out().lines().filter(l -> l.contains("again for its logits")).count(),
                onTop.out());
        assertEquals(
                records.get(4).getAsJsonObject("scores").getAsJsonObject("test"),
                records(later).get(4).getAsJsonObject("scores").getAsJsonObject("test"),
                "made again, the same model");
    }
}

package org.learnability.experiments.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.learnability.experiments.testing.RunsJsonl.records;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.learnability.experiments.testing.CliFixture;
import org.learnability.experiments.testing.CliRun;
import org.learnability.experiments.testing.EngineTest;

/**
 * {@code run} on a user's own data through the command line, on each engine: a CSV table with
 * {@code mlp} and a folder of PNG class folders with {@code cnn-small}, each with a weighted arm
 * and {@code posthoc}; the records name the classes of the data and where the test split came from,
 * and so does the report. A model for the other kind of data is refused in one line, nothing
 * written.
 */
@EngineTest
class OwnDataRunTest {

    @TempDir Path dir;

    /**
     * Runs on a user's own data, which each run names with its data set and model: none of the
     * small run's data set, model, epochs or bound on the weights; a weighted arm and posthoc.
     */
    private final CliFixture cli =
            CliFixture.in(() -> dir)
                    .with(
                            "--dataset",
                            null,
                            "--model",
                            null,
                            "--epochs",
                            null,
                            "--max-weight-ratio",
                            null,
                            "--val-size",
                            "6",
                            "--train-size",
                            "0",
                            "--seeds",
                            "1",
                            "--batch-size",
                            "8",
                            "--strategies",
                            "mean-ratio:gamma=2",
                            "--mode",
                            "two-stage,posthoc");

    /** A table whose class is which of two features is the larger: 3 classes, 60 rows. */
    private Path table() throws IOException {
        Random random = new Random(3);
        StringBuilder csv = new StringBuilder("x,y,kind\n");
        for (int r = 0; r < 60; r++) {
            int c = r % 3;
            csv.append(c * 2 + random.nextGaussian() * 0.3)
                    .append(',')
                    .append(-c + random.nextGaussian() * 0.3)
                    .append(',')
                    .append(List.of("low", "mid", "high").get(c))
                    .append('\n');
        }
        return Files.writeString(dir.resolve("table.csv"), csv);
    }

    /** Two classes of 8x8 grey PNGs, bright on the left or on the right. */
    private Path folder() throws IOException {
        return folder("left", "right");
    }

    /** Classes of 12 8x8 grey PNGs each, each bright in its own band of columns, left to right. */
    private Path folder(String... bands) throws IOException {
        Random random = new Random(4);
        for (int c = 0; c < bands.length; c++) {
            Path classFolder = Files.createDirectories(dir.resolve("images").resolve(bands[c]));
            for (int i = 0; i < 12; i++) {
                BufferedImage image = new BufferedImage(8, 8, BufferedImage.TYPE_BYTE_GRAY);
                for (int y = 0; y < 8; y++) {
                    for (int x = 0; x < 8; x++) {
                        boolean bright = x * bands.length / 8 == c;
                        image.getRaster()
                                .setSample(x, y, 0, (bright ? 180 : 40) + random.nextInt(40));
                    }
                }
                ImageIO.write(image, "png", classFolder.resolve(i + ".png").toFile());
            }
        }
        return dir.resolve("images");
    }

    @Test
    void aCsvTableTrainsWithMlpAndItsRecordsNameItsClassesAndItsTestCut() throws IOException {
        Path table = table();
        Path out = dir.resolve("out");
        CliRun done =
                cli.on(table)
                        .run(
                                out,
                                "--dataset",
                                "csv",
                                "--label",
                                "kind",
                                "--test-size",
                                "15",
                                "--model",
                                "mlp",
                                "--hidden-sizes",
                                "16,8",
                                "--epochs",
                                "3");
        assertEquals(0, done.exitCode(), done.err());
        assertTrue(done.out().contains("training mlp for 3 epochs on 39 rows ("), done.out());
        assertTrue(done.out().contains(" rows/s, "), done.out());
        assertFalse(done.out().contains("images"), done.out());
        List<JsonObject> records = records(out);
        assertEquals(3, records.size(), "baseline, two-stage, posthoc");
        for (JsonObject r : records) {
            assertEquals(7, r.get("schema").getAsInt());
            assertEquals("csv", r.getAsJsonObject("provenance").get("dataset").getAsString());
            assertEquals("mlp", r.getAsJsonObject("provenance").get("model").getAsString());
            assertEquals(
                    "[\"high\",\"low\",\"mid\"]",
                    r.getAsJsonObject("provenance").getAsJsonArray("classNames").toString());
            JsonObject split = r.getAsJsonObject("provenance").getAsJsonObject("testSplit");
            assertEquals("cut", split.get("from").getAsString());
            assertEquals(table.toString(), split.get("path").getAsString());
            assertEquals(15, split.get("images").getAsInt());
            assertEquals(
                    39,
                    r.getAsJsonObject("training").get("trainSize").getAsInt(),
                    "60 - 15 test - 6 validation");
        }
        JsonObject plan =
                JsonParser.parseString(Files.readString(out.resolve("plan.json")))
                        .getAsJsonObject();
        assertEquals(15, plan.get("testSize").getAsInt());
        assertEquals("kind", plan.get("label").getAsString());
        assertEquals("16,8", plan.get("hiddenSizes").getAsString());
        assertTrue(
                Files.readString(out.resolve("report.md"))
                        .contains(
                                "Test split: 15 samples held out of "
                                        + table
                                        + " (stratified, an equal count per class, the same for"
                                        + " every seed)."));
    }

    @Test
    void anImageFolderTrainsWithAnImageModelAndItsClassesAreItsFolders() throws IOException {
        Path images = folder();
        Path out = dir.resolve("out");
        CliRun done =
                cli.on(images)
                        .run(
                                out,
                                "--dataset",
                                "image-folder",
                                "--test-size",
                                "4",
                                "--model",
                                "cnn-small",
                                "--epochs",
                                "1");
        assertEquals(0, done.exitCode(), done.err());
        for (JsonObject r : records(out)) {
            assertEquals(
                    "[\"left\",\"right\"]",
                    r.getAsJsonObject("provenance").getAsJsonArray("classNames").toString());
            assertEquals(
                    "cut",
                    r.getAsJsonObject("provenance")
                            .getAsJsonObject("testSplit")
                            .get("from")
                            .getAsString());
            assertEquals(
                    14,
                    r.getAsJsonObject("training").get("trainSize").getAsInt(),
                    "24 - 4 test - 6 validation");
        }
    }

    /**
     * Without {@code --train-size}, a user's data trains on all that the validation and test splits
     * leave, not on the preset's 10,000 CIFAR-10 images (which 3 classes do not divide), and
     * records that as 0, so that the run resumes as it was.
     */
    @Test
    void anImageFolderWithoutATrainingSizeTrainsOnAllThatTheSplitsLeave() throws IOException {
        Path images = folder("left", "middle", "right");
        Path out = dir.resolve("out");
        String[] options = {
            "--dataset",
            "image-folder",
            "--test-size",
            "6",
            "--train-size",
            null,
            "--model",
            "cnn-small",
            "--epochs",
            "1"
        };
        CliRun done = cli.on(images).run(out, options);
        assertEquals(0, done.exitCode(), done.err());
        List<JsonObject> records = records(out);
        assertEquals(3, records.size(), "baseline, two-stage, posthoc");
        for (JsonObject r : records) {
            assertEquals(
                    "[\"left\",\"middle\",\"right\"]",
                    r.getAsJsonObject("provenance").getAsJsonArray("classNames").toString());
            assertEquals(
                    24,
                    r.getAsJsonObject("training").get("trainSize").getAsInt(),
                    "36 - 6 test - 6 validation");
        }
        JsonObject plan =
                JsonParser.parseString(Files.readString(out.resolve("plan.json")))
                        .getAsJsonObject();
        assertEquals(0, plan.get("trainSize").getAsInt(), "all that the splits leave");
        CliRun again = cli.on(images).run(out, options);
        assertEquals(0, again.exitCode(), again.err());
        assertEquals(3, again.skipped(), again.out());
    }

    @Test
    void aModelForTheOtherKindOfDataIsRefusedInOneLineWithNothingWritten() throws IOException {
        Path table = table();
        Path out = dir.resolve("out");
        CliRun images =
                cli.on(table)
                        .run(
                                out,
                                "--dataset",
                                "csv",
                                "--label",
                                "kind",
                                "--test-size",
                                "15",
                                "--model",
                                "cnn-small");
        assertEquals(
                "error: --model cnn-small is for images, but csv is a table; for a table use"
                        + " mlp\n",
                images.err());
        assertEquals(1, images.exitCode());
        assertEquals("", images.out());
        CliRun mlp = cli.on(folder()).run(out, "--dataset", "image-folder", "--model", "mlp");
        assertEquals(
                "error: --model mlp is for a table, but image-folder is images; for images use"
                        + " cnn-small or resnet-peifer or resnet-peifer-nhwc or resnet20\n",
                mlp.err());
        CliRun noLabel = cli.on(table).run(out, "--dataset", "csv", "--model", "mlp");
        assertEquals(
                "error: --dataset csv needs --label COLUMN: the column of the table that holds"
                        + " the classes\n",
                noLabel.err());
        CliRun fewRows =
                cli.on(table)
                        .run(
                                out,
                                "--dataset",
                                "csv",
                                "--label",
                                "kind",
                                "--test-size",
                                "63",
                                "--model",
                                "mlp");
        assertEquals(
                "error: --test-size 63 needs 21 rows of each class, and more for training, but"
                        + " class 0 'high' has only 20 in "
                        + table
                        + "\n",
                fewRows.err());
        assertEquals(1, fewRows.exitCode());
        assertFalse(Files.exists(out), "nothing written");
    }
}

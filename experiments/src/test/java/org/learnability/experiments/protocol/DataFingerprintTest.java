package org.learnability.experiments.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.learnability.experiments.testing.CliFixture;
import org.learnability.experiments.testing.CliRun;
import org.learnability.experiments.testing.OneEngineTest;

/**
 * Data changed under a recorded experiment (issue 33, item 1): {@code plan.json} and every record
 * hold the data's fingerprint; a run that extends the experiment on changed data is refused in one
 * {@code error:} line naming what changed, with nothing written; a {@code plan.json} of an earlier
 * version, without a fingerprint, gets its data's on the next run, which says so.
 */
@OneEngineTest
class DataFingerprintTest {

    @TempDir Path dir;

    /** A table of 3 classes or an image folder of 2, small models, one seed, one weighted arm. */
    private final CliFixture cli =
            CliFixture.in(() -> dir)
                    .with(
                            "--epochs",
                            "1",
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
                            "two-stage");

    private static final List<String> TABLE =
            List.of("--dataset", "csv", "--label", "kind", "--test-size", "15", "--model", "mlp");

    private static final List<String> IMAGES =
            List.of("--dataset", "image-folder", "--test-size", "4", "--model", "cnn-small");

    /** Rows of a table whose class is which of two features is the larger, 3 classes. */
    private static String rows(int from, int to) {
        StringBuilder csv = new StringBuilder();
        for (int r = from; r < to; r++) {
            int c = r % 3;
            csv.append(c * 2 + (r % 7) * 0.05)
                    .append(',')
                    .append(-c + (r % 5) * 0.05)
                    .append(',')
                    .append(List.of("low", "mid", "high").get(c))
                    .append('\n');
        }
        return csv.toString();
    }

    private Path table() throws IOException {
        return Files.writeString(dir.resolve("table.csv"), "x,y,kind\n" + rows(0, 60));
    }

    /** Two classes of 8x8 grey PNGs, 10 each, dark or bright. */
    private Path folder() throws IOException {
        for (String name : List.of("dark", "bright")) {
            Path classFolder = Files.createDirectories(dir.resolve("images").resolve(name));
            for (int i = 0; i < 10; i++) {
                image(classFolder.resolve(i + ".png"), name.equals("dark") ? 40 + i : 180 + i);
            }
        }
        return dir.resolve("images");
    }

    private static void image(Path file, int value) throws IOException {
        BufferedImage image = new BufferedImage(8, 8, BufferedImage.TYPE_BYTE_GRAY);
        for (int y = 0; y < 8; y++) {
            for (int x = 0; x < 8; x++) {
                image.getRaster().setSample(x, y, 0, value);
            }
        }
        ImageIO.write(image, "png", file.toFile());
    }

    private CliRun run(Path data, Path out, List<String> options, String... more) {
        List<String> all = new java.util.ArrayList<>(options);
        all.addAll(List.of(more));
        return cli.on(data).run(out, all.toArray(String[]::new));
    }

    private static JsonObject plan(Path out) throws IOException {
        return JsonParser.parseString(Files.readString(out.resolve("plan.json"))).getAsJsonObject();
    }

    /** Runs, changes the data, and asserts that extending the experiment is refused. */
    private void assertRefusedAfterChange(
            Path data, List<String> options, Runnable change, String what) throws IOException {
        Path out = dir.resolve("out");
        CliRun first = run(data, out, options);
        assertEquals(0, first.exitCode(), first.err());
        assertTrue(plan(out).has("dataFingerprint"), "plan.json holds the data's fingerprint");
        for (String line : Files.readAllLines(out.resolve("runs.jsonl"))) {
            JsonObject provenance =
                    JsonParser.parseString(line).getAsJsonObject().getAsJsonObject("provenance");
            assertNotNull(provenance.get("dataFingerprint"), "every record holds it: " + line);
        }
        String plan = Files.readString(out.resolve("plan.json"));
        String runs = Files.readString(out.resolve("runs.jsonl"));
        change.run();
        CliRun extended = run(data, out, options, "--strategies", "mean-ratio:gamma=2,mean-ratio");
        assertEquals(
                "error: --data-dir "
                        + data
                        + " changed since the models of "
                        + out
                        + " were made on it: "
                        + what
                        + "; use another --out, or the data the experiment was made on\n",
                extended.err());
        assertEquals(1, extended.exitCode());
        assertEquals(plan, Files.readString(out.resolve("plan.json")), "plan.json untouched");
        assertEquals(runs, Files.readString(out.resolve("runs.jsonl")), "no model trained");
    }

    @Test
    void rowsAppendedToATableAreRefused() throws IOException {
        Path table = table();
        assertRefusedAfterChange(
                table, TABLE, () -> append(table, rows(60, 75)), "table.csv: 60 rows -> 75 rows");
    }

    @Test
    void anImageAddedToAClassFolderIsRefused() throws IOException {
        Path images = folder();
        assertRefusedAfterChange(
                images,
                IMAGES,
                () -> {
                    try {
                        image(images.resolve("dark").resolve("10.png"), 50);
                    } catch (IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                },
                "class folder dark: 10 files -> 11 files");
    }

    @Test
    void aPlanWithoutFingerprintGetsOneOnTheNextRunThatSaysSo() throws IOException {
        Path table = table();
        Path out = dir.resolve("out");
        assertEquals(0, run(table, out, TABLE).exitCode());
        JsonObject plan = plan(out);
        plan.remove("dataFingerprint");
        Files.writeString(out.resolve("plan.json"), plan.toString());
        CliRun extended = run(table, out, TABLE, "--strategies", "mean-ratio:gamma=2,mean-ratio");
        assertEquals(0, extended.exitCode(), extended.err());
        assertEquals(
                1,
                extended.out().lines().filter(l -> l.contains("had no fingerprint")).count(),
                extended.out());
        assertTrue(plan(out).has("dataFingerprint"));
        append(table, rows(60, 63));
        CliRun changed = run(table, out, TABLE, "--strategies", "mean-ratio:gamma=2,mean-ratio");
        assertEquals(1, changed.exitCode());
        assertTrue(changed.err().contains("table.csv: 60 rows -> 63 rows"), changed.err());
        assertEquals(1, changed.err().lines().count(), "one line: " + changed.err());
    }

    private static void append(Path file, String text) {
        try {
            Files.writeString(file, text, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}

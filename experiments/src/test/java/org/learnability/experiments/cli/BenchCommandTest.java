package org.learnability.experiments.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.learnability.experiments.testing.CliFixture;
import org.learnability.experiments.testing.CliRun;
import org.learnability.experiments.testing.EngineTest;
import org.learnability.experiments.testing.JavaCommand;
import org.learnability.runner.engine.EngineSelection;

/**
 * The bench command: its bad input here (no engine needed), its measurements in {@link Training},
 * which trains on tiny Fashion-MNIST files the test writes and runs once per engine.
 */
class BenchCommandTest {

    /** The keys bench/pytorch_reference.py writes too. */
    static final List<String> KEYS =
            List.of(
                    "runner",
                    "engine",
                    "engineVersion",
                    "frameworkVersion",
                    "runtime",
                    "model",
                    "dataset",
                    "trainImages",
                    "testImages",
                    "batchSize",
                    "threads",
                    "interopThreads",
                    "threadsSource",
                    "allocator",
                    "training",
                    "augment",
                    "warmupBatches",
                    "roundKind",
                    "rounds",
                    "measuredBatches",
                    "measuredImages",
                    "measuredSeconds",
                    "trainImagesPerSecond",
                    "trainImagesPerSecondMedian",
                    "trainImagesPerSecondMin",
                    "trainImagesPerSecondMax",
                    "trainImagesPerSecondRounds",
                    "dataShare",
                    "computeShare",
                    "dataTiming",
                    "scoreImagesPerSecond",
                    "scoreBatchSize",
                    "scoreToTrainRatio",
                    "testAccuracy",
                    "peakRssMiBAfterFirst",
                    "peakRssMiBAfterLast",
                    "peakRssGrowth",
                    "rssMiBAfterFirst",
                    "rssMiBAfterLast",
                    "cpuCoresUsed",
                    "loadAverage");

    static final int TRAIN = 50;
    static final int TEST = 20;

    @TempDir Path dir;

    private final CliFixture cli = CliFixture.in(() -> dir);

    private static void assertOneLineError(CliRun run, String expected) {
        assertTrue(run.exitCode() != 0, "non-zero exit");
        assertEquals("", run.out());
        assertEquals(1, run.err().lines().count(), "one line: " + run.err());
        assertTrue(run.err().startsWith("error: "), run.err());
        assertTrue(run.err().contains(expected), run.err());
    }

    /**
     * Writes the four official Fashion-MNIST files, gzipped IDX: {@code train} and {@code test}
     * images of 28x28, labels taking turns over the 10 classes, each class a brighter square.
     */
    static Path writeFashionMnist(Path dir, int train, int test) throws IOException {
        Files.createDirectories(dir);
        writeIdx(dir.resolve("train-images-idx3-ubyte.gz"), train, true);
        writeIdx(dir.resolve("train-labels-idx1-ubyte.gz"), train, false);
        writeIdx(dir.resolve("t10k-images-idx3-ubyte.gz"), test, true);
        writeIdx(dir.resolve("t10k-labels-idx1-ubyte.gz"), test, false);
        return dir;
    }

    /**
     * Writes CIFAR-10 in DJL's layout, {@code data_batch.bin} and {@code test_batch.bin}: records
     * of a label byte and 3x32x32 pixels, labels taking turns over the 10 classes.
     */
    static Path writeCifar10(Path dir, int train, int test) throws IOException {
        Files.createDirectories(dir);
        Files.write(dir.resolve("data_batch.bin"), cifarRecords(train, 0));
        Files.write(dir.resolve("test_batch.bin"), cifarRecords(test, 101));
        return dir;
    }

    private static byte[] cifarRecords(int count, int offset) {
        byte[] bytes = new byte[count * 3073];
        int k = 0;
        for (int r = 0; r < count; r++) {
            int label = r % 10;
            bytes[k++] = (byte) label;
            for (int c = 0; c < 3; c++) {
                for (int y = 0; y < 32; y++) {
                    for (int x = 0; x < 32; x++) {
                        boolean square = y / 8 == label / 4 && x / 8 == label % 4;
                        bytes[k++] =
                                (byte) (square ? 200 + c * 10 : (offset + r * 7 + y * 3 + x) % 60);
                    }
                }
            }
        }
        return bytes;
    }

    private static void writeIdx(Path file, int count, boolean images) throws IOException {
        try (DataOutputStream out =
                new DataOutputStream(new GZIPOutputStream(Files.newOutputStream(file)))) {
            out.writeInt(images ? 0x00000803 : 0x00000801);
            out.writeInt(count);
            if (images) {
                out.writeInt(28);
                out.writeInt(28);
            }
            for (int r = 0; r < count; r++) {
                int label = r % 10;
                if (!images) {
                    out.writeByte(label);
                    continue;
                }
                for (int y = 0; y < 28; y++) {
                    for (int x = 0; x < 28; x++) {
                        boolean square = y / 7 == label / 4 && x / 7 == label % 4;
                        out.writeByte(square ? 200 + r % 50 : (r * 7 + y * 3 + x) % 40);
                    }
                }
            }
        }
    }

    @Test
    void unknownModelIsOneClearLine() {
        assertOneLineError(
                cli.command("bench", "--model", "nope"),
                "unknown model 'nope'; known models: cnn-small, resnet-peifer, resnet-peifer-nhwc, resnet20, mlp");
    }

    @Test
    void missingDataDirIsOneClearLine() {
        Path missing = dir.resolve("absent");
        assertOneLineError(
                cli.command("bench", "--data-dir", missing.toString()),
                "--data-dir "
                        + missing
                        + ": no such file or directory; expected the fashion-mnist files");
    }

    @Test
    void batchSizeZeroIsOneClearLine() {
        assertOneLineError(
                cli.command("bench", "--batch-size", "0"),
                "--batch-size is 0; expected a whole number >= 1");
    }

    @Test
    void otherBadNumbersAreOneClearLine() {
        assertOneLineError(
                cli.command("bench", "--epochs", "0"),
                "--epochs is 0; expected a whole number >= 1");
        assertOneLineError(
                cli.command("bench", "--threads", "-1"),
                "--threads is -1; expected a whole number >= 0");
        int cores = Runtime.getRuntime().availableProcessors();
        String cap =
                "; expected at most "
                        + 4 * cores
                        + " (4 per core; this machine has "
                        + cores
                        + (cores == 1 ? " core" : " cores")
                        + "): more threads only take turns on the cores";
        assertOneLineError(cli.command("bench", "--threads", "9999"), "--threads is 9999" + cap);
        assertOneLineError(
                cli.command("bench", "--interop-threads", "9999"),
                "--interop-threads is 9999" + cap);
        assertOneLineError(
                cli.command("bench", "--batches", "2", "--chunks", "3"),
                "--chunks is 3 but --batches is 2");
        assertOneLineError(
                cli.command("bench", "--dataset", "mnist"),
                "unknown data set 'mnist'; valid names: cifar10, fashion-mnist, image-folder, csv");
        assertOneLineError(
                cli.command("bench", "--batch-size", "x"),
                "Invalid value for option '--batch-size': 'x' is not an int");
        assertOneLineError(
                cli.command("bench", "--score-batch-size", "0"),
                "--score-batch-size is 0; expected a whole number >= 1");
    }

    @Test
    void unknownPresetIsOneClearLine() {
        // "fast" was unknown until it became a preset
        CliRun run = cli.command("bench", "--preset", "turbo");
        assertOneLineError(run, "Invalid value for option '--preset'");
        assertTrue(run.err().contains("turbo"), run.err());
    }

    @Test
    void helpNamesTheOptions() {
        CliRun run = cli.command("bench", "--help");
        assertEquals(0, run.exitCode());
        assertTrue(run.out().startsWith("Usage: learnability bench"), run.out());
        for (String option :
                List.of(
                        "--model",
                        "--dataset",
                        "--data-dir",
                        "--batch-size",
                        "--warmup-batches",
                        "--epochs",
                        "--batches",
                        "--chunks",
                        "--train-size",
                        "--threads",
                        "--interop-threads",
                        "--score-batch-size",
                        "--augment",
                        "--preset",
                        "--format")) {
            assertTrue(run.out().contains(option), option);
        }
        assertTrue(run.out().contains("OMP_NUM_THREADS"), run.out());
    }

    /** Runs that train, on the engine that -Dai.djl.default_engine names. */
    @Nested
    @EngineTest
    class Training {

        @Test
        void jsonHasEveryKeyWithSaneValues() throws IOException {
            Path data = writeFashionMnist(dir.resolve("fm"), TRAIN, TEST);
            CliRun run =
                    cli.command(
                            "bench",
                            "--data-dir",
                            data.toString(),
                            "--batch-size",
                            "8",
                            "--warmup-batches",
                            "2",
                            "--epochs",
                            "2",
                            "--threads",
                            "1",
                            "--score-batch-size",
                            "6",
                            "--format",
                            "json");
            assertEquals(0, run.exitCode(), run.err());
            assertEquals(1, run.out().lines().count(), "one line of JSON: " + run.out());
            JsonObject json = JsonParser.parseString(run.out()).getAsJsonObject();
            for (String key : KEYS) {
                assertTrue(json.has(key), "has " + key + ": " + json);
            }
            assertEquals(KEYS.size(), json.size(), "no other keys: " + json.keySet());
            String engine = System.getProperty(EngineSelection.PROPERTY, EngineSelection.DEFAULT);
            assertEquals("learnability", json.get("runner").getAsString());
            assertEquals(engine, json.get("engine").getAsString());
            assertEquals("cnn-small", json.get("model").getAsString());
            assertEquals("fashion-mnist", json.get("dataset").getAsString());
            assertEquals(TRAIN, json.get("trainImages").getAsInt());
            assertEquals(TEST, json.get("testImages").getAsInt());
            assertEquals(8, json.get("batchSize").getAsInt());
            assertEquals("adam lr 0.001 constant", json.get("training").getAsString());
            assertEquals(false, json.get("augment").getAsBoolean());
            assertEquals(6, json.get("scoreBatchSize").getAsInt());
            assertEquals("epoch", json.get("roundKind").getAsString());
            assertEquals(2, json.get("rounds").getAsInt());
            assertEquals(
                    2 * 7,
                    json.get("measuredBatches").getAsInt(),
                    "two epochs of ceil(50 / 8) batches");
            assertEquals(2 * TRAIN, json.get("measuredImages").getAsInt());
            if (engine.equals("PyTorch")) {
                assertEquals(1, json.get("threads").getAsInt(), "--threads 1 applies to PyTorch");
            }
            assertTrue(json.get("threads").getAsInt() >= 1, json.toString());
            assertTrue(json.get("interopThreads").getAsInt() >= 1, json.toString());
            assertTrue(
                    json.get("allocator")
                            .getAsString()
                            .matches(
                                    "glibc [0-9.]+ malloc tuned: mmap threshold 32 MiB,"
                                            + " trim threshold 1 GiB, top pad 256 MiB"),
                    "MallocTuning applied before the engine: " + json);
            double median = json.get("trainImagesPerSecondMedian").getAsDouble();
            assertTrue(median > 0, "training images/s");
            assertTrue(
                    json.get("trainImagesPerSecondMin").getAsDouble() <= median, json.toString());
            assertTrue(
                    json.get("trainImagesPerSecondMax").getAsDouble() >= median, json.toString());
            JsonArray rounds = json.getAsJsonArray("trainImagesPerSecondRounds");
            assertEquals(2, rounds.size());
            rounds.forEach(r -> assertTrue(r.getAsDouble() > 0));
            assertTrue(json.get("trainImagesPerSecond").getAsDouble() > 0);
            assertTrue(json.get("scoreImagesPerSecond").getAsDouble() > 0, "scoring images/s");
            double dataShare = json.get("dataShare").getAsDouble();
            double compute = json.get("computeShare").getAsDouble();
            assertTrue(dataShare > 0 && dataShare < 1, "data share " + dataShare);
            assertTrue(compute > 0 && compute < 1, "compute share " + compute);
            assertEquals(1, dataShare + compute, 1e-4);
            for (String key :
                    List.of(
                            "peakRssMiBAfterFirst",
                            "peakRssMiBAfterLast",
                            "rssMiBAfterFirst",
                            "rssMiBAfterLast")) {
                assertTrue(json.get(key).getAsDouble() > 0, key + " " + json.get(key));
            }
            assertTrue(
                    json.get("peakRssMiBAfterLast").getAsDouble()
                            >= json.get("peakRssMiBAfterFirst").getAsDouble(),
                    "a peak never falls");
            double accuracy = json.get("testAccuracy").getAsDouble();
            assertTrue(accuracy >= 0 && accuracy <= 1, "accuracy " + accuracy);
            assertTrue(json.get("cpuCoresUsed").getAsDouble() > 0);
            assertTrue(run.err().contains("epoch 2/2: "), "a line per epoch: " + run.err());
        }

        @Test
        void fixedBatchesInChunksAsATable() throws IOException {
            Path data = writeFashionMnist(dir.resolve("fm"), TRAIN, TEST);
            CliRun run =
                    cli.command(
                            "bench",
                            "--data-dir",
                            data.toString(),
                            "--batch-size",
                            "16",
                            "--warmup-batches",
                            "1",
                            "--batches",
                            "9",
                            "--chunks",
                            "3",
                            "--train-size",
                            "40",
                            "--augment");
            assertEquals(0, run.exitCode(), run.err());
            List<String> lines = run.out().lines().toList();
            List<String> rows =
                    List.of(
                            "model",
                            "recipe",
                            "engine",
                            "threads",
                            "allocator",
                            "measured",
                            "training",
                            "scoring",
                            "data / compute",
                            "peak RSS",
                            "CPU");
            assertEquals(rows.size(), lines.size(), run.out());
            for (int i = 0; i < rows.size(); i++) {
                assertTrue(lines.get(i).startsWith(rows.get(i) + " "), lines.get(i));
            }
            assertTrue(
                    lines.get(0)
                            .contains(
                                    "cnn-small on fashion-mnist, 40 training images (augmented), batch 16"),
                    lines.get(0));
            assertTrue(
                    lines.get(1).matches("recipe +adam lr 0\\.001 constant, augment"),
                    lines.get(1));
            assertTrue(
                    lines.get(5).contains("3 chunks, 9 batches, 120 images"),
                    "9 batches of 16, 16, 8 over 40-image epochs: " + lines.get(5));
            assertTrue(
                    lines.get(4).matches("allocator +glibc [0-9.]+ malloc tuned: .*"),
                    lines.get(4));
            assertTrue(
                    lines.get(6)
                            .matches(
                                    "training +[\\d,]+ images/s median, min [\\d,]+, max [\\d,]+ over chunks; .*"),
                    lines.get(6));
            assertTrue(run.err().contains("chunk 3/3: "), run.err());
        }

        /**
         * CIFAR-10 is read without the engine writing to standard error: DJL's own reader filled
         * its array with {@code NDArray.set(byte[])}, whose native call printed libtorch's
         * "AutoNonVariableTypeMode is deprecated" paragraph in every process on PyTorch.
         */
        @Test
        void cifar10IsReadWithoutTheEngineWritingToStandardError() throws Exception {
            Path data = writeCifar10(dir.resolve("cifar"), TRAIN, TEST);
            List<String> args =
                    List.of(
                            "bench",
                            "--model",
                            "cnn-small",
                            "--dataset",
                            "cifar10",
                            "--data-dir",
                            data.toString(),
                            "--batch-size",
                            "8",
                            "--warmup-batches",
                            "1",
                            "--batches",
                            "2",
                            "--chunks",
                            "1",
                            "--threads",
                            "1",
                            "--plugins",
                            CliRun.noPlugins(dir));
            String text = JavaCommand.standardError(Main.class, args, dir);
            assertFalse(text.contains("AutoNonVariableTypeMode"), text);
        }

        /**
         * The cpu preset's training on CIFAR-10 with {@code resnet-peifer}: Nesterov SGD, one-cycle
         * rate, augmentation, and scoring with the flip.
         */
        @Test
        void presetTrainsAndScoresAsItsBaseline() throws IOException {
            Path data = writeCifar10(dir.resolve("cifar"), TRAIN, TEST);
            CliRun run =
                    cli.command(
                            "bench",
                            "--preset",
                            "CPU",
                            "--model",
                            "resnet-peifer",
                            "--dataset",
                            "cifar10",
                            "--data-dir",
                            data.toString(),
                            "--batch-size",
                            "8",
                            "--warmup-batches",
                            "2",
                            "--batches",
                            "5",
                            "--chunks",
                            "2",
                            "--threads",
                            "1",
                            "--score-batch-size",
                            "6",
                            "--format",
                            "json");
            assertEquals(0, run.exitCode(), run.err());
            assertEquals(1, run.out().lines().count(), "one line of JSON: " + run.out());
            JsonObject json = JsonParser.parseString(run.out()).getAsJsonObject();
            assertEquals(KEYS.size(), json.size(), "the same keys: " + json.keySet());
            assertEquals(
                    "cpu: nesterov lr 0.1 momentum 0.9 wd 0.0005 linear warmup 0.15, augment,"
                            + " test-time flip",
                    json.get("training").getAsString());
            assertTrue(json.get("augment").getAsBoolean(), json.toString());
            assertEquals("resnet-peifer", json.get("model").getAsString());
            assertEquals(8, json.get("batchSize").getAsInt(), "the bench's batch size");
            assertEquals("chunk", json.get("roundKind").getAsString());
            assertEquals(2, json.get("rounds").getAsInt());
            assertEquals(5, json.get("measuredBatches").getAsInt(), json.toString());
            assertEquals(TEST, json.get("testImages").getAsInt());
            assertTrue(json.get("trainImagesPerSecondMedian").getAsDouble() > 0);
            assertTrue(json.get("scoreImagesPerSecond").getAsDouble() > 0);
            double accuracy = json.get("testAccuracy").getAsDouble();
            assertTrue(accuracy >= 0 && accuracy <= 1, "accuracy " + accuracy);
            assertTrue(run.err().contains("chunk 2/2: "), run.err());
        }

        @Test
        void aBadDataFileIsOneClearLine() throws IOException {
            Path data = writeFashionMnist(dir.resolve("fm"), TRAIN, TEST);
            Files.write(data.resolve("train-labels-idx1-ubyte.gz"), new byte[] {1, 2, 3});
            CliRun run = cli.command("bench", "--data-dir", data.toString());
            assertOneLineError(run, "train-labels-idx1-ubyte.gz");
        }
    }
}

package org.learnability.experiments.mode.minimax;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.learnability.experiments.testing.CliFixture;
import org.learnability.experiments.testing.CliRun;
import org.learnability.experiments.testing.EngineTest;
import org.learnability.experiments.testing.RunsJsonl;
import org.learnability.experiments.testing.SyntheticFashion;
import org.learnability.runner.data.DataSplits;
import org.learnability.runner.data.SplitSpec;

/**
 * The {@code minimax} mode on both engines, in the style of {@code HeadModeTest}'s split check: on
 * data whose held-out images and test split show different classes with another class's pattern,
 * its weights follow the held-out errors alone. The held-out images of classes 2 and 3 (a quarter
 * of their training images) show the pattern of class c + 5, so their held-out errors are high; the
 * test split shows classes 4 and 5 with another's pattern in one run and every class truly in the
 * other, so that the test split, if it were read, would raise other weights. The two runs' weights
 * are the same, each the exponentiated-gradient step on the recorded held-out errors.
 */
@EngineTest
class MinimaxModeTest {

    private static final int PER_CLASS = SyntheticFashion.TRAIN_PER_CLASS;

    private static final List<String> CLASSES =
            List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9");

    @TempDir Path dir;

    /** Runs of three epochs, a quarter of the training split held out: 5 images a class. */
    private final CliFixture cli =
            CliFixture.in(() -> dir)
                    .with("--epochs", "3", "--mode", "minimax", "--minimax-holdout", "0.25");

    @Test
    void theWeightsFollowTheHeldOutErrorsAndNeverTheTestSplit() throws IOException {
        Path plainTest = SyntheticFashion.write(dir.resolve("plain"), PER_CLASS, 10, heldOut(2, 3));
        Path shiftedTest = dir.resolve("shifted");
        Files.createDirectories(shiftedTest);
        Path test = SyntheticFashion.write(dir.resolve("test"), 10, 1, ofClasses(4, 5, 100));
        for (String kind : List.of("images-idx3-ubyte.gz", "labels-idx1-ubyte.gz")) {
            Files.copy(plainTest.resolve("train-" + kind), shiftedTest.resolve("train-" + kind));
            Files.copy(
                    test.resolve("train-" + kind),
                    shiftedTest.resolve("t10k-" + kind),
                    StandardCopyOption.REPLACE_EXISTING);
        }

        JsonObject plain = minimax(plainTest, dir.resolve("out-plain"));
        JsonObject shifted = minimax(shiftedTest, dir.resolve("out-shifted"));
        for (JsonObject r : List.of(plain, shifted)) {
            JsonObject part = r.getAsJsonObject("parts").getAsJsonObject("minimax");
            assertEquals(150, part.get("trainedOn").getAsInt());
            assertEquals(50, part.get("heldOut").getAsInt());
            assertEquals(3 * 150, r.getAsJsonObject("cost").get("trainedImages").getAsLong());
            JsonArray updates = part.getAsJsonArray("updates");
            assertEquals(2, updates.size(), "after epochs 0 and 1, not after the last");
            double[][] weights = epochWeights(r);
            assertArrayEquals(ones(), weights[0], "the first epoch is unweighted");
            double[] logQ = new double[CLASSES.size()];
            for (int u = 0; u < updates.size(); u++) {
                JsonObject update = updates.get(u).getAsJsonObject();
                assertEquals(u, update.get("epoch").getAsInt());
                double[] errors = RunsJsonl.doubles(update.getAsJsonArray("errors"));
                for (int c = 0; c < logQ.length; c++) {
                    logQ[c] += errors[c]; // eta 1
                }
                assertArrayEquals(step(logQ), weights[u + 1], 1e-9, "epoch " + (u + 1));
            }
            double[] last =
                    RunsJsonl.doubles(updates.get(1).getAsJsonObject().getAsJsonArray("errors"));
            double[] lastWeights = weights[2];
            for (int c = 4; c < 10; c++) {
                for (int shown : new int[] {2, 3}) {
                    assertTrue(
                            last[shown] > last[c] && lastWeights[shown] > lastWeights[c],
                            "held-out class "
                                    + shown
                                    + " shows another pattern, class "
                                    + c
                                    + " its own: errors "
                                    + Arrays.toString(last)
                                    + ", weights "
                                    + Arrays.toString(lastWeights));
                }
            }
        }
        double[] plainTpr = tpr(plain);
        double[] shiftedTpr = tpr(shifted);
        for (int c : new int[] {4, 5}) {
            assertTrue(
                    shiftedTpr[c] < 0.5 && plainTpr[c] > shiftedTpr[c],
                    "the shifted test split would raise class " + c + "'s weight if it were read");
        }
        assertEquals(
                plain.getAsJsonObject("parts"),
                shifted.getAsJsonObject("parts"),
                "the same held-out errors");
        assertEquals(
                plain.getAsJsonObject("arm").get("epochWeights"),
                shifted.getAsJsonObject("arm").get("epochWeights"),
                "the same weights, whatever the test split shows");
    }

    @Test
    void anIntervalThatLeavesNoEpochToWeighIsRefusedBeforeAnythingIsWritten() {
        Path out = dir.resolve("refused");
        CliRun run = cli.run(out, "--epochs", "2", "--minimax-interval", "2");
        assertTrue(run.exitCode() != 0, "non-zero exit");
        assertEquals(
                "error: --minimax-interval is 2; expected a whole number below --epochs (2), so"
                        + " that some epoch trains with updated weights",
                run.err().strip());
        assertFalse(Files.exists(out), "nothing written");
    }

    /** The run's minimax record, after checking that it is the only model of its mode. */
    private JsonObject minimax(Path data, Path out) throws IOException {
        cli.on(data).succeeds(out);
        List<JsonObject> models =
                RunsJsonl.records(out).stream()
                        .filter(
                                r ->
                                        r.getAsJsonObject("arm")
                                                .get("mode")
                                                .getAsString()
                                                .equals("minimax"))
                        .filter(r -> r.getAsJsonObject("arm").get("round").getAsInt() == 1)
                        .toList();
        assertEquals(1, models.size(), "one model per seed, whatever the strategies");
        assertEquals("uniform", models.get(0).getAsJsonObject("arm").get("strategy").getAsString());
        return models.get(0);
    }

    /** The file indices of the held-out images of some classes, as the run of seed 1 holds out. */
    private static Set<Integer> heldOut(int... classes) {
        int[] labels = IntStream.range(0, 10 * PER_CLASS).map(i -> i % 10).toArray();
        long[] training = DataSplits.choose(labels, CLASSES, new SplitSpec(100, 200, 1))[0];
        int[] trainingLabels = new int[training.length];
        for (int i = 0; i < training.length; i++) {
            trainingLabels[i] = labels[(int) training[i]];
        }
        Set<Integer> held = new HashSet<>();
        for (int position : HeldOut.positions(trainingLabels, CLASSES, 0.25, 1)[1]) {
            int index = (int) training[position];
            for (int c : classes) {
                if (labels[index] == c) {
                    held.add(index);
                }
            }
        }
        assertEquals(5 * classes.length, held.size());
        return held;
    }

    /** The file indices of every image of two classes, of n images. */
    private static Set<Integer> ofClasses(int a, int b, int n) {
        Set<Integer> indices = new HashSet<>();
        IntStream.range(0, n).filter(i -> i % 10 == a || i % 10 == b).forEach(indices::add);
        return indices;
    }

    /** {@code w_c = (1 - 0.5) C q_c + 0.5}, {@code q} the softmax of {@code log q}. */
    private static double[] step(double[] logQ) {
        double sum = 0;
        for (double v : logQ) {
            sum += Math.exp(v);
        }
        double[] w = new double[logQ.length];
        for (int c = 0; c < w.length; c++) {
            w[c] = 0.5 * logQ.length * Math.exp(logQ[c]) / sum + 0.5;
        }
        return w;
    }

    private static double[] ones() {
        return IntStream.range(0, CLASSES.size()).mapToDouble(c -> 1).toArray();
    }

    private static double[][] epochWeights(JsonObject r) {
        JsonArray epochs = r.getAsJsonObject("arm").getAsJsonArray("epochWeights");
        double[][] weights = new double[epochs.size()][];
        for (int e = 0; e < weights.length; e++) {
            weights[e] = RunsJsonl.doubles(epochs.get(e).getAsJsonArray());
        }
        return weights;
    }

    private static double[] tpr(JsonObject r) {
        return RunsJsonl.doubles(
                r.getAsJsonObject("scores").getAsJsonObject("test").getAsJsonArray("tpr"));
    }
}

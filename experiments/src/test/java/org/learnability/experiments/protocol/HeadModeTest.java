package org.learnability.experiments.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.learnability.experiments.stats.Analysis;
import org.learnability.experiments.testing.CliFixture;
import org.learnability.experiments.testing.CliRun;
import org.learnability.experiments.testing.EngineTest;
import org.learnability.experiments.testing.RunsJsonl;
import org.learnability.experiments.testing.SyntheticFashion;
import org.learnability.runner.data.DataSplits;
import org.learnability.runner.data.Split;
import org.learnability.runner.data.SplitSpec;

/**
 * The {@code head} mode on both engines: with 0 epochs from the baseline's layer it is the
 * baseline, figure for figure (its validation figures those of the half it did not train on); and
 * it trains on one half of the validation split only, shown on data whose halves differ: the half
 * it trains on shows every class with another class's pattern.
 */
@EngineTest
class HeadModeTest {

    /** Training images per class in the files: 200 training and 100 validation images of them. */
    private static final int PER_CLASS = SyntheticFashion.TRAIN_PER_CLASS;

    @TempDir Path dir;

    /** Runs of two epochs. */
    private final CliFixture cli = CliFixture.in(() -> dir).with("--epochs", "2");

    /** The records of a run: all, or a mode's weighted ones (the baseline is under the first). */
    private static List<JsonObject> records(Path out, String mode) throws IOException {
        return RunsJsonl.records(out).stream()
                .filter(
                        r ->
                                mode == null
                                        || r.getAsJsonObject("arm")
                                                        .get("mode")
                                                        .getAsString()
                                                        .equals(mode)
                                                && r.getAsJsonObject("arm").get("round").getAsInt()
                                                        > 0)
                .toList();
    }

    private static JsonArray matrix(JsonObject scores) {
        return scores.getAsJsonArray("confusionMatrix");
    }

    private static long total(JsonArray matrix) {
        long n = 0;
        for (var row : matrix) {
            for (var cell : row.getAsJsonArray()) {
                n += cell.getAsLong();
            }
        }
        return n;
    }

    @Test
    void zeroHeadEpochsGiveTheBaselinesFiguresOnTheUnseenHalf() throws IOException {
        Path out = dir.resolve("holdout");
        cli.succeeds(
                out,
                "--mode",
                "head,head+posthoc",
                "--head-epochs",
                "0",
                "--strategies",
                "mean-ratio:gamma=2");
        JsonObject baseline = records(out, null).get(0);
        List<JsonObject> heads = records(out, "head");
        assertEquals(2, heads.size(), "the uniform control and mean-ratio");
        for (JsonObject r : heads) {
            JsonObject head = r.getAsJsonObject("parts").getAsJsonObject("head");
            assertEquals(
                    matrix(baseline.getAsJsonObject("scores").getAsJsonObject("test")),
                    matrix(r.getAsJsonObject("scores").getAsJsonObject("test")));
            assertEquals(
                    matrix(head.getAsJsonObject("baselineUnseen")),
                    matrix(r.getAsJsonObject("scores").getAsJsonObject("validation")),
                    "its validation figures are the baseline's on the unseen half");
            assertEquals(50, head.get("unseen").getAsInt());
            assertEquals(50, head.get("trainedOn").getAsInt());
            assertEquals(
                    50, total(matrix(r.getAsJsonObject("scores").getAsJsonObject("validation"))));
            assertEquals(0, head.get("epochs").getAsInt());
            assertEquals(0, r.getAsJsonObject("cost").get("trainedImages").getAsLong());
        }
        assertEquals(2, records(out, "head+posthoc").size());
        for (JsonObject r : records(out, "head+posthoc")) {
            assertEquals(
                    50,
                    total(matrix(r.getAsJsonObject("scores").getAsJsonObject("validation"))),
                    "T on the unseen half");
            offsetsFrontier(r);
        }
    }

    /**
     * A post-hoc model records its offsets' frontier: a point per budget, the validation spread
     * narrowing as the budget grows, and at the plan's tolerance the very T it chose.
     */
    private static void offsetsFrontier(JsonObject r) {
        JsonObject posthoc = r.getAsJsonObject("parts").getAsJsonObject("posthoc");
        JsonArray frontier = posthoc.getAsJsonArray("frontier");
        List<Double> budgets = new ArrayList<>();
        double sd = Double.POSITIVE_INFINITY;
        for (var p : frontier) {
            JsonObject point = p.getAsJsonObject();
            budgets.add(point.get("budget").getAsDouble());
            assertTrue(point.get("validationSd").getAsDouble() <= sd, frontier.toString());
            sd = point.get("validationSd").getAsDouble();
            if (point.get("budget").getAsDouble() == Analysis.DEFAULT_TOLERANCE) {
                assertEquals(posthoc.get("temperature"), point.get("temperature"));
                assertEquals(
                        r.getAsJsonObject("scores").getAsJsonObject("test").get("accuracy"),
                        point.get("testAccuracy"));
            }
        }
        assertEquals(List.of(0.0, 0.0025, 0.005, 0.01, 0.02), budgets);
        assertTrue(
                budgets.contains(Analysis.DEFAULT_TOLERANCE), "the default tolerance is a point");
    }

    @Test
    void scoreOnTheValidationSplitSaysTheRecordHoldsTheUnseenHalf() throws IOException {
        Path out = dir.resolve("scored");
        cli.succeeds(
                out,
                "--mode",
                "head",
                "--head-epochs",
                "1",
                "--save-models",
                "all",
                "--strategies",
                "mean-ratio:gamma=2");
        String key = records(out, "head").get(0).get("key").getAsString();
        CliRun validation =
                cli.command(
                        "score", "--out", out.toString(), "--key", key, "--split", "validation");
        assertEquals(0, validation.exitCode(), validation.err());
        assertTrue(
                validation
                        .out()
                        .contains(
                                "as recorded: not comparable: these are the scores on all 100"
                                        + " images of the validation split; the record holds those"
                                        + " on 50 of them (its mode, e.g. head, scores the part it"
                                        + " did not train on); --split test compares like with"
                                        + " like\n"),
                validation.out());
        assertFalse(validation.out().contains("another engine"), validation.out());
        CliRun test = cli.command("score", "--out", out.toString(), "--key", key);
        assertEquals(0, test.exitCode(), test.err());
        assertTrue(test.out().contains("as recorded: yes\n"), test.out());
    }

    @Test
    void zeroHeadEpochsOnTheTrainingSplitGiveTheBaselinesFiguresWithTestTimeFlip()
            throws IOException {
        Path out = dir.resolve("train");
        cli.succeeds(
                out,
                "--mode",
                "head",
                "--head-data",
                "train",
                "--head-epochs",
                "0",
                "--test-time",
                "flip",
                "--strategies",
                "mean-ratio:gamma=2");
        JsonObject baseline = records(out, null).get(0);
        for (JsonObject r : records(out, "head")) {
            for (String split : List.of("validation", "test")) {
                assertEquals(
                        matrix(baseline.getAsJsonObject("scores").getAsJsonObject(split)),
                        matrix(r.getAsJsonObject("scores").getAsJsonObject(split)),
                        r.get("key") + " " + split);
            }
            assertEquals(
                    100,
                    r.getAsJsonObject("parts").getAsJsonObject("head").get("unseen").getAsInt());
            assertEquals(
                    200,
                    r.getAsJsonObject("parts").getAsJsonObject("head").get("trainedOn").getAsInt());
            assertTrue(r.get("key").getAsString().contains("[head-data=train;head-epochs=0;"));
        }
    }

    @Test
    void theHeadTrainsOnItsHalfOnlyAndIsJudgedOnTheOther() throws IOException {
        // the validation split of seed 1 as the run chooses it, and its halves
        int[] labels = new int[10 * PER_CLASS];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = i % 10;
        }
        List<String> classes = List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9");
        long[] validation = DataSplits.choose(labels, classes, new SplitSpec(100, 200, 1))[1];
        int[] validationLabels = new int[validation.length];
        for (int i = 0; i < validation.length; i++) {
            validationLabels[i] = labels[(int) validation[i]];
        }
        int[][] halves = Split.halves(validationLabels, 10, 1);
        Set<Integer> trainedOn = new HashSet<>();
        for (int position : halves[0]) {
            trainedOn.add((int) validation[position]);
        }
        Path shifted = SyntheticFashion.write(dir.resolve("shifted"), PER_CLASS, 10, trainedOn);
        String[] strong = {
            "--mode", "head", "--strategies", "uniform", "--head-init", "zero",
            "--head-epochs", "12", "--head-lr", "0.1", "--max-accuracy-drop", "1"
        };

        Path holdout = dir.resolve("shifted-holdout");
        cli.on(shifted).succeeds(holdout, strong);
        JsonObject baseline = records(holdout, null).get(0);
        JsonObject head = records(holdout, "head").get(0);
        assertTrue(
                baseline.getAsJsonObject("scores")
                                .getAsJsonObject("test")
                                .get("accuracy")
                                .getAsDouble()
                        > 0.6,
                "the baseline learnt the patterns: "
                        + baseline.getAsJsonObject("scores").get("test"));
        // a layer fit to the shifted half maps each pattern to the wrong class: on the other half
        // and on the test split, which show the true patterns, it is nearly always wrong
        assertTrue(
                head.getAsJsonObject("scores")
                                .getAsJsonObject("validation")
                                .get("accuracy")
                                .getAsDouble()
                        < 0.2,
                "judged on the half it did not train on: "
                        + head.getAsJsonObject("scores").get("validation"));
        assertTrue(
                head.getAsJsonObject("scores").getAsJsonObject("test").get("accuracy").getAsDouble()
                        < 0.2,
                "trained on the shifted half: " + head.getAsJsonObject("scores").get("test"));

        // the same layer trained on the training split, which shows the true patterns, is right
        Path train = dir.resolve("shifted-train");
        String[] onTraining =
                Stream.concat(Stream.of(strong), Stream.of("--head-data", "train"))
                        .toArray(String[]::new);
        cli.on(shifted).succeeds(train, onTraining);
        JsonObject trained = records(train, "head").get(0);
        assertTrue(
                trained.getAsJsonObject("scores")
                                .getAsJsonObject("test")
                                .get("accuracy")
                                .getAsDouble()
                        > 0.6,
                "the test is able to tell: " + trained.getAsJsonObject("scores").get("test"));
    }
}

package org.learnability.experiments.stats;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.learnability.api.scores.ClassScores;
import org.learnability.api.scores.ConfusionMatrix;
import org.learnability.experiments.record.Collapse;
import org.learnability.experiments.record.Cost;
import org.learnability.experiments.record.ModeParts;
import org.learnability.experiments.record.ModelKey;
import org.learnability.experiments.record.Provenance;
import org.learnability.experiments.record.RunArm;
import org.learnability.experiments.record.RunRecord;
import org.learnability.experiments.record.RunsFile;
import org.learnability.experiments.record.Scores;
import org.learnability.experiments.record.SplitScores;
import org.learnability.experiments.record.Training;
import org.learnability.experiments.record.TrainingVariant;
import org.learnability.experiments.weighting.Weighting;

/**
 * Run records with hand-chosen TPRs, for tests. Every class has 100 test samples; a TPR of {@code
 * k/100} puts {@code k} on the diagonal and the misses in the next class, so precision, F1 and
 * accuracy follow from the matrix ({@code accuracy = mean TPR}).
 */
public final class SyntheticRuns {

    /** The classes of every synthetic run. */
    public static final List<String> CLASSES = List.of("cat", "dog", "bird");

    /** Baseline test TPRs of seeds 1 to 3 (PyTorch, two-stage). */
    public static final double[][] BASELINE = {
        {0.90, 0.60, 0.75}, {0.88, 0.62, 0.70}, {0.92, 0.58, 0.77}
    };

    /** {@code mean-ratio:gamma=2}, seeds 1 to 3. */
    public static final double[][] MEAN_RATIO = {
        {0.85, 0.70, 0.76}, {0.84, 0.66, 0.74}, {0.86, 0.71, 0.70}
    };

    /** {@code difficulty}, seeds 1 to 3. */
    public static final double[][] DIFFICULTY = {
        {0.91, 0.57, 0.75}, {0.86, 0.64, 0.72}, {0.90, 0.60, 0.78}
    };

    /** Weights of {@code mean-ratio:gamma=2}, seeds 1 to 3. */
    public static final double[][] MEAN_RATIO_WEIGHTS = {
        {0.8, 1.3, 0.9}, {0.7, 1.4, 0.9}, {0.9, 1.2, 0.9}
    };

    private SyntheticRuns() {}

    /**
     * The two-stage experiment: baseline, {@code mean-ratio:gamma=2} and {@code difficulty}, seeds
     * 1 to 3, PyTorch.
     *
     * @return 9 records, in the order a run writes them
     */
    public static List<RunRecord> twoStage() {
        List<RunRecord> runs = new ArrayList<>();
        for (int seed = 1; seed <= 3; seed++) {
            runs.add(
                    run(
                            "PyTorch",
                            seed,
                            "two-stage",
                            RunRecord.BASELINE,
                            0,
                            new double[] {1, 1, 1},
                            BASELINE[seed - 1]));
            runs.add(
                    run(
                            "PyTorch",
                            seed,
                            "two-stage",
                            "mean-ratio:gamma=2",
                            1,
                            MEAN_RATIO_WEIGHTS[seed - 1],
                            MEAN_RATIO[seed - 1]));
            runs.add(
                    run(
                            "PyTorch",
                            seed,
                            "two-stage",
                            "difficulty",
                            1,
                            new double[] {0.9, 1.2, 0.9},
                            DIFFICULTY[seed - 1]));
        }
        return runs;
    }

    /**
     * The two-stage experiment plus an iterative arm (2 seeds x 2 rounds, no baseline of its own
     * mode), a dynamic arm (1 seed) and an MXNet baseline and {@code mean-ratio:gamma=2} (2 seeds).
     *
     * @return the records
     */
    public static List<RunRecord> mixed() {
        List<RunRecord> runs = new ArrayList<>(twoStage());
        double[] w = {0.8, 1.3, 0.9};
        runs.add(run("PyTorch", 1, "iterative", "shifted-power:gamma=4", 1, w, 0.88, 0.66, 0.74));
        runs.add(run("PyTorch", 1, "iterative", "shifted-power:gamma=4", 2, w, 0.86, 0.70, 0.75));
        runs.add(run("PyTorch", 2, "iterative", "shifted-power:gamma=4", 1, w, 0.87, 0.65, 0.72));
        runs.add(run("PyTorch", 2, "iterative", "shifted-power:gamma=4", 2, w, 0.85, 0.69, 0.73));
        runs.add(run("PyTorch", 1, "dynamic", "mean-ratio:gamma=1", 1, w, 0.87, 0.68, 0.75));
        runs.add(
                run(
                        "MXNet",
                        1,
                        "two-stage",
                        RunRecord.BASELINE,
                        0,
                        new double[] {1, 1, 1},
                        0.89,
                        0.61,
                        0.74));
        runs.add(
                run(
                        "MXNet",
                        2,
                        "two-stage",
                        RunRecord.BASELINE,
                        0,
                        new double[] {1, 1, 1},
                        0.90,
                        0.59,
                        0.76));
        runs.add(run("MXNet", 1, "two-stage", "mean-ratio:gamma=2", 1, w, 0.85, 0.69, 0.75));
        runs.add(run("MXNet", 2, "two-stage", "mean-ratio:gamma=2", 1, w, 0.86, 0.68, 0.73));
        return runs;
    }

    /**
     * One record. The validation TPRs are the test TPRs less 0.02.
     *
     * @param engine the engine
     * @param seed the seed
     * @param mode the mode
     * @param strategy the strategy spec
     * @param round the round (0: baseline)
     * @param weights the class weights
     * @param testTpr the test TPRs, multiples of 0.01
     * @return the record
     */
    public static RunRecord run(
            String engine,
            int seed,
            String mode,
            String strategy,
            int round,
            double[] weights,
            double... testTpr) {
        double[] validationTpr = Arrays.stream(testTpr).map(t -> t - 0.02).toArray();
        List<Double> w = Arrays.stream(weights).boxed().toList();
        return new RunRecord(
                RunRecord.SCHEMA,
                new ModelKey(engine, seed, mode, strategy, "", round).toString(),
                new Provenance(
                        "synthetic",
                        "cnn-small",
                        engine,
                        "0.0",
                        "cpu()",
                        seed,
                        CLASSES,
                        null,
                        null),
                new RunArm(mode, strategy, round, "", Weighting.PAPER, w, List.of(w, w)),
                new Training(2, 300, TrainingVariant.PAPER),
                new Cost(600L, 1.5, 200.0, "2025-01-01T00:00:00Z"),
                new Scores(scores(validationTpr), scores(testTpr), List.of(), null),
                ModeParts.NONE,
                null);
    }

    /**
     * Returns a record with other test scores and everything else as it was.
     *
     * @param r the record
     * @param testTpr the new test TPRs, multiples of 0.01
     * @return the copy
     */
    public static RunRecord withTest(RunRecord r, double... testTpr) {
        return copy(r, scores(testTpr), r.scores().collapse());
    }

    /**
     * Returns a record marked as collapsed.
     *
     * @param r the record
     * @param collapse the mark
     * @return a copy of the record with the mark
     */
    public static RunRecord collapsed(RunRecord r, Collapse collapse) {
        return copy(r, r.scores().test(), collapse);
    }

    private static RunRecord copy(RunRecord r, SplitScores test, Collapse collapse) {
        Scores scores = r.scores();
        return new RunRecord(
                r.schema(),
                r.key(),
                r.provenance(),
                r.arm(),
                r.training(),
                r.cost(),
                new Scores(scores.validation(), test, scores.epochValidation(), collapse),
                r.parts(),
                r.savedModel());
    }

    /**
     * Scores from a confusion matrix with 100 samples per class, {@code round(100 * tpr_c)} of them
     * right and the rest predicted as the next class.
     *
     * @param tpr the TPRs, multiples of 0.01
     * @return the stored scores
     */
    public static SplitScores scores(double... tpr) {
        int n = tpr.length;
        long[][] counts = new long[n][n];
        for (int c = 0; c < n; c++) {
            long right = Math.round(100 * tpr[c]);
            counts[c][c] = right;
            counts[c][(c + 1) % n] += 100 - right;
        }
        return SplitScores.of(ClassScores.of(new ConfusionMatrix(CLASSES.subList(0, n), counts)));
    }

    /**
     * Copies a record with some fields changed, through its JSON form.
     *
     * @param record the record
     * @param change changes the JSON object, e.g. {@code o -> o.addProperty("seed", 9)}
     * @return the changed copy
     */
    public static RunRecord with(
            RunRecord record, java.util.function.Consumer<com.google.gson.JsonObject> change) {
        com.google.gson.JsonObject json =
                com.google.gson.JsonParser.parseString(RunsFile.toJson(record)).getAsJsonObject();
        change.accept(json);
        return org.learnability.experiments.io.Json.GSON.fromJson(json, RunRecord.class);
    }
}

package org.learnability.experiments.bench;

import com.google.gson.JsonObject;
import java.util.List;
import java.util.Set;
import org.learnability.experiments.io.Json;

/**
 * What a benchmark run measured, in parts. {@link #toJson} writes them as one flat object with the
 * keys, in the order, that {@code bench/pytorch_reference.py} writes too ({@link #KEYS}), so that
 * both go into one JSON-lines file.
 *
 * @param machine who trained, and on what
 * @param workload what trained, and how
 * @param training how fast it trained
 * @param scoring how fast it scored, and how well
 * @param memory the resident memory while measuring
 */
public record BenchResult(
        Machine machine,
        Workload workload,
        TrainingRate training,
        ScoringRate scoring,
        Memory memory) {

    /** The {@code runner} of this command's results. */
    public static final String RUNNER = "learnability";

    /** The keys of a result's JSON, in their order: the format of {@code bench/results/*.jsonl}. */
    public static final List<String> KEYS =
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

    /** Returns scoring over training images per second (the median round). */
    public double scoreToTrainRatio() {
        return scoring.imagesPerSecond() / training.train().median();
    }

    /**
     * Returns the result as a JSON object: every part's keys, in {@link #KEYS} order.
     *
     * @return the object
     */
    public JsonObject toJson() {
        JsonObject parts = new JsonObject();
        machine.write(parts);
        workload.write(parts);
        training.write(parts);
        scoring.write(parts);
        memory.write(parts);
        parts.addProperty("scoreToTrainRatio", round(scoreToTrainRatio(), 3));
        if (!parts.keySet().equals(Set.copyOf(KEYS))) {
            throw new IllegalStateException("a result writes " + parts.keySet() + ", not " + KEYS);
        }
        JsonObject o = new JsonObject();
        KEYS.forEach(key -> o.add(key, parts.get(key)));
        return o;
    }

    /**
     * Returns the result as one line of JSON.
     *
     * @return the line
     */
    public String toJsonLine() {
        return Json.GSON.toJson(toJson());
    }

    /**
     * Returns the result as a table of two columns, what and value.
     *
     * @return the lines
     */
    public List<String> table() {
        return BenchTable.lines(this);
    }

    /** Rounds a figure for the JSON line; NaN and infinities stay. */
    static double round(double value, int digits) {
        if (!Double.isFinite(value)) {
            return value;
        }
        double scale = Math.pow(10, digits);
        return Math.round(value * scale) / scale;
    }
}

package org.learnability.experiments.bench;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.learnability.experiments.io.Json;

/**
 * What a benchmark run measured. {@link #toJson} writes the keys that {@code
 * bench/pytorch_reference.py} writes too, so that both go into one JSON-lines file.
 *
 * @param runner who trained: {@value #RUNNER} (this command) or {@code plain-pytorch}
 * @param engine the DJL engine, e.g. {@code PyTorch}
 * @param engineVersion the engine's version, e.g. {@code 2.7.1}
 * @param frameworkVersion DJL's version
 * @param runtime the Java version
 * @param model the model name
 * @param dataset the data set
 * @param trainImages images in the training split
 * @param testImages images in the test split, all scored
 * @param batchSize training batch size
 * @param threads the engine's intra-op threads in effect
 * @param interopThreads the engine's inter-op (PyTorch) or worker (MXNet) threads in effect
 * @param threadsSource where the thread counts come from
 * @param allocator the C allocator's settings in effect (see {@code MallocTuning})
 * @param training how the model trained and was scored ({@link BenchRecipe}), e.g. {@code adam lr
 *     0.001 constant}
 * @param augment whether training batches were augmented
 * @param warmupBatches batches trained before measuring
 * @param roundKind {@code epoch} or {@code chunk}: what one measured round is
 * @param measuredBatches batches in the measured rounds
 * @param measuredImages images in the measured rounds
 * @param measuredSeconds wall time of the measured rounds
 * @param train training images per second, one value per measured round
 * @param dataShare share of the measured wall time spent making batches
 * @param dataTiming how the data time was measured
 * @param scoreImagesPerSecond images per second scoring the test split
 * @param scoreBatchSize the scoring batch size
 * @param testAccuracy the trained model's accuracy on the test split
 * @param peakRssMiBAfterFirst peak resident memory (VmHWM) after the first measured round, the peak
 *     having been reset after the warm-up; -1 if unknown
 * @param peakRssMiBAfterLast peak resident memory after the last measured round
 * @param rssMiBAfterFirst resident memory (VmRSS) after the first measured round
 * @param rssMiBAfterLast resident memory after the last measured round
 * @param cpuCoresUsed process CPU time over wall time in the measured rounds
 * @param loadAverage the machine's 1-minute load average when the run started
 */
public record BenchResult(
        String runner,
        String engine,
        String engineVersion,
        String frameworkVersion,
        String runtime,
        String model,
        String dataset,
        long trainImages,
        long testImages,
        int batchSize,
        int threads,
        int interopThreads,
        String threadsSource,
        String allocator,
        String training,
        boolean augment,
        int warmupBatches,
        String roundKind,
        long measuredBatches,
        long measuredImages,
        double measuredSeconds,
        Spread train,
        double dataShare,
        String dataTiming,
        double scoreImagesPerSecond,
        int scoreBatchSize,
        double testAccuracy,
        double peakRssMiBAfterFirst,
        double peakRssMiBAfterLast,
        double rssMiBAfterFirst,
        double rssMiBAfterLast,
        double cpuCoresUsed,
        double loadAverage) {

    /** The {@code runner} of this command's results. */
    public static final String RUNNER = "learnability";

    /** Returns training images per second over all measured rounds together. */
    public double trainImagesPerSecond() {
        return measuredImages / measuredSeconds;
    }

    /** Returns scoring over training images per second (the median round). */
    public double scoreToTrainRatio() {
        return scoreImagesPerSecond / train.median();
    }

    /** Returns the growth of the peak resident memory from the first to the last measured round. */
    public double peakRssGrowth() {
        return peakRssMiBAfterFirst > 0
                ? peakRssMiBAfterLast / peakRssMiBAfterFirst - 1
                : Double.NaN;
    }

    /**
     * Returns the result as a JSON object.
     *
     * @return the object
     */
    public JsonObject toJson() {
        JsonObject o = new JsonObject();
        o.addProperty("runner", runner);
        o.addProperty("engine", engine);
        o.addProperty("engineVersion", engineVersion);
        o.addProperty("frameworkVersion", frameworkVersion);
        o.addProperty("runtime", runtime);
        o.addProperty("model", model);
        o.addProperty("dataset", dataset);
        o.addProperty("trainImages", trainImages);
        o.addProperty("testImages", testImages);
        o.addProperty("batchSize", batchSize);
        o.addProperty("threads", threads);
        o.addProperty("interopThreads", interopThreads);
        o.addProperty("threadsSource", threadsSource);
        o.addProperty("allocator", allocator);
        o.addProperty("training", training);
        o.addProperty("augment", augment);
        o.addProperty("warmupBatches", warmupBatches);
        o.addProperty("roundKind", roundKind);
        o.addProperty("rounds", train.values().size());
        o.addProperty("measuredBatches", measuredBatches);
        o.addProperty("measuredImages", measuredImages);
        o.addProperty("measuredSeconds", round(measuredSeconds, 3));
        o.addProperty("trainImagesPerSecond", round(trainImagesPerSecond(), 1));
        o.addProperty("trainImagesPerSecondMedian", round(train.median(), 1));
        o.addProperty("trainImagesPerSecondMin", round(train.min(), 1));
        o.addProperty("trainImagesPerSecondMax", round(train.max(), 1));
        JsonArray perRound = new JsonArray();
        train.values().forEach(v -> perRound.add(round(v, 1)));
        o.add("trainImagesPerSecondRounds", perRound);
        o.addProperty("dataShare", round(dataShare, 5));
        o.addProperty("computeShare", round(1 - dataShare, 5));
        o.addProperty("dataTiming", dataTiming);
        o.addProperty("scoreImagesPerSecond", round(scoreImagesPerSecond, 1));
        o.addProperty("scoreBatchSize", scoreBatchSize);
        o.addProperty("scoreToTrainRatio", round(scoreToTrainRatio(), 3));
        o.addProperty("testAccuracy", round(testAccuracy, 4));
        o.addProperty("peakRssMiBAfterFirst", round(peakRssMiBAfterFirst, 1));
        o.addProperty("peakRssMiBAfterLast", round(peakRssMiBAfterLast, 1));
        o.addProperty("peakRssGrowth", round(peakRssGrowth(), 4));
        o.addProperty("rssMiBAfterFirst", round(rssMiBAfterFirst, 1));
        o.addProperty("rssMiBAfterLast", round(rssMiBAfterLast, 1));
        o.addProperty("cpuCoresUsed", round(cpuCoresUsed, 2));
        o.addProperty("loadAverage", round(loadAverage, 2));
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
        String round = roundKind;
        int rounds = train.values().size();
        List<String[]> rows = new ArrayList<>();
        rows.add(
                row(
                        "model",
                        "%s on %s, %s training images%s, batch %d",
                        model,
                        dataset,
                        f0(trainImages),
                        augment ? " (augmented)" : "",
                        batchSize));
        rows.add(row("recipe", "%s", training));
        rows.add(
                row(
                        "engine",
                        "%s %s (DJL %s, Java %s)",
                        engine,
                        engineVersion,
                        frameworkVersion,
                        runtime));
        rows.add(
                row(
                        "threads",
                        "%d intra-op, %d inter-op (%s)",
                        threads,
                        interopThreads,
                        threadsSource));
        rows.add(row("allocator", "%s", allocator));
        rows.add(
                row(
                        "measured",
                        "%d %ss, %s batches, %s images in %s s, after %d warm-up batches",
                        rounds,
                        round,
                        f0(measuredBatches),
                        f0(measuredImages),
                        f(measuredSeconds, 1),
                        warmupBatches));
        rows.add(
                row(
                        "training",
                        "%s images/s median, min %s, max %s over %ss; %s overall",
                        f0(train.median()),
                        f0(train.min()),
                        f0(train.max()),
                        round,
                        f0(trainImagesPerSecond())));
        rows.add(
                row(
                        "scoring",
                        "%s images/s (%s test images, batch %d): %sx training; test accuracy %s",
                        f0(scoreImagesPerSecond),
                        f0(testImages),
                        scoreBatchSize,
                        f(scoreToTrainRatio(), 2),
                        f(testAccuracy, 4)));
        rows.add(
                row(
                        "data / compute",
                        "%s%% / %s%% of training time (%s)",
                        f(100 * dataShare, 2),
                        f(100 * (1 - dataShare), 2),
                        dataTiming));
        rows.add(
                row(
                        "peak RSS",
                        "%s MiB after %s 1, %s MiB after %s %d (%s); RSS %s -> %s MiB",
                        f0(peakRssMiBAfterFirst),
                        round,
                        f0(peakRssMiBAfterLast),
                        round,
                        rounds,
                        signedPercent(peakRssGrowth()),
                        f0(rssMiBAfterFirst),
                        f0(rssMiBAfterLast)));
        rows.add(
                row(
                        "CPU",
                        "%s cores busy while measuring; load average %s at start",
                        f(cpuCoresUsed, 2),
                        f(loadAverage, 2)));
        int width = rows.stream().mapToInt(r -> r[0].length()).max().orElse(0);
        return rows.stream()
                .map(r -> String.format(Locale.ROOT, "%-" + width + "s  %s", r[0], r[1]))
                .toList();
    }

    private static String[] row(String what, String format, Object... values) {
        return new String[] {what, String.format(Locale.ROOT, format, values)};
    }

    private static String f0(double value) {
        return String.format(Locale.ROOT, "%,.0f", value);
    }

    private static String f(double value, int digits) {
        return String.format(Locale.ROOT, "%." + digits + "f", value);
    }

    private static String signedPercent(double fraction) {
        return Double.isNaN(fraction)
                ? "growth unknown"
                : String.format(Locale.ROOT, "%+.1f%%", 100 * fraction);
    }

    private static double round(double value, int digits) {
        if (!Double.isFinite(value)) {
            return value;
        }
        double scale = Math.pow(10, digits);
        return Math.round(value * scale) / scale;
    }
}

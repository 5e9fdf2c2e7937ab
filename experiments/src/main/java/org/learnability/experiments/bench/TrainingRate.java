package org.learnability.experiments.bench;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.util.List;

/**
 * How fast the measured rounds trained: images per second round by round, the share of the time
 * spent making batches, and the CPU cores busy meanwhile.
 *
 * @param roundKind {@code epoch} or {@code chunk}: what one measured round is
 * @param measuredBatches batches in the measured rounds
 * @param measuredImages images in the measured rounds
 * @param measuredSeconds wall time of the measured rounds
 * @param train training images per second, one value per measured round
 * @param dataShare share of the measured wall time spent making batches
 * @param dataTiming how the data time was measured
 * @param cpuCoresUsed process CPU time over wall time in the measured rounds
 */
public record TrainingRate(
        String roundKind,
        long measuredBatches,
        long measuredImages,
        double measuredSeconds,
        Spread train,
        double dataShare,
        String dataTiming,
        double cpuCoresUsed) {

    /**
     * Sums up measured rounds.
     *
     * @param roundKind what one round is
     * @param measured the measured rounds, ended
     * @param dataTiming how their data time was measured
     * @return the rate
     */
    static TrainingRate of(
            String roundKind, List<TimedBatchSource.Round> measured, String dataTiming) {
        double seconds = measured.stream().mapToDouble(TimedBatchSource.Round::seconds).sum();
        double dataSeconds =
                measured.stream().mapToDouble(TimedBatchSource.Round::dataSeconds).sum();
        double cpuSeconds = measured.stream().mapToDouble(TimedBatchSource.Round::cpuSeconds).sum();
        return new TrainingRate(
                roundKind,
                measured.stream().mapToLong(TimedBatchSource.Round::batches).sum(),
                measured.stream().mapToLong(TimedBatchSource.Round::images).sum(),
                seconds,
                Spread.of(measured.stream().map(r -> r.images() / r.seconds()).toList()),
                dataSeconds / seconds,
                dataTiming,
                cpuSeconds / seconds);
    }

    /** Returns training images per second over all measured rounds together. */
    public double imagesPerSecond() {
        return measuredImages / measuredSeconds;
    }

    /** Returns the number of measured rounds. */
    public int rounds() {
        return train.values().size();
    }

    /** Adds this part's keys to a result's JSON. */
    void write(JsonObject o) {
        o.addProperty("roundKind", roundKind);
        o.addProperty("rounds", rounds());
        o.addProperty("measuredBatches", measuredBatches);
        o.addProperty("measuredImages", measuredImages);
        o.addProperty("measuredSeconds", BenchResult.round(measuredSeconds, 3));
        o.addProperty("trainImagesPerSecond", BenchResult.round(imagesPerSecond(), 1));
        o.addProperty("trainImagesPerSecondMedian", BenchResult.round(train.median(), 1));
        o.addProperty("trainImagesPerSecondMin", BenchResult.round(train.min(), 1));
        o.addProperty("trainImagesPerSecondMax", BenchResult.round(train.max(), 1));
        JsonArray perRound = new JsonArray();
        train.values().forEach(v -> perRound.add(BenchResult.round(v, 1)));
        o.add("trainImagesPerSecondRounds", perRound);
        o.addProperty("dataShare", BenchResult.round(dataShare, 5));
        o.addProperty("computeShare", BenchResult.round(1 - dataShare, 5));
        o.addProperty("dataTiming", dataTiming);
        o.addProperty("cpuCoresUsed", BenchResult.round(cpuCoresUsed, 2));
    }
}

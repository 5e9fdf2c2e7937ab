package org.learnability.experiments.bench;

import com.google.gson.JsonObject;

/**
 * How fast the trained model scored the test split, and how well.
 *
 * @param imagesPerSecond images per second scoring the test split
 * @param batchSize the scoring batch size
 * @param testAccuracy the trained model's accuracy on the test split
 */
public record ScoringRate(double imagesPerSecond, int batchSize, double testAccuracy) {

    /** Adds this part's keys to a result's JSON. */
    void write(JsonObject o) {
        o.addProperty("scoreImagesPerSecond", BenchResult.round(imagesPerSecond, 1));
        o.addProperty("scoreBatchSize", batchSize);
        o.addProperty("testAccuracy", BenchResult.round(testAccuracy, 4));
    }
}

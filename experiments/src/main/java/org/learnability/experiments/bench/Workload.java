package org.learnability.experiments.bench;

import com.google.gson.JsonObject;

/**
 * What a benchmark trained and scored, and how.
 *
 * @param model the model name
 * @param dataset the data set
 * @param trainImages images in the training split
 * @param testImages images in the test split, all scored
 * @param batchSize training batch size
 * @param training how the model trained and was scored ({@link BenchRecipe}), e.g. {@code adam lr
 *     0.001 constant}
 * @param augment whether training batches were augmented
 * @param warmupBatches batches trained before measuring
 */
public record Workload(
        String model,
        String dataset,
        long trainImages,
        long testImages,
        int batchSize,
        String training,
        boolean augment,
        int warmupBatches) {

    /** Adds this part's keys to a result's JSON. */
    void write(JsonObject o) {
        o.addProperty("model", model);
        o.addProperty("dataset", dataset);
        o.addProperty("trainImages", trainImages);
        o.addProperty("testImages", testImages);
        o.addProperty("batchSize", batchSize);
        o.addProperty("training", training);
        o.addProperty("augment", augment);
        o.addProperty("warmupBatches", warmupBatches);
    }
}

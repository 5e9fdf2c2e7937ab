package org.learnability.experiments.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.learnability.experiments.plan.PlanOptions;
import org.learnability.experiments.plan.Preset;
import org.learnability.runner.data.DataException;
import org.learnability.runner.data.DataSource;
import org.learnability.runner.data.DatasetDefinition;
import org.learnability.runner.data.FashionMnistDataset;
import org.learnability.runner.engine.ThreadCap;

/**
 * What a benchmark run measures: a model trained on a data set with a batch size, for a warm-up and
 * then either whole epochs or a fixed number of batches, with the engine's threads as asked;
 * trained and scored as a preset's baseline is, if one is given ({@link BenchRecipe}).
 *
 * <p>Measured <em>rounds</em> give the spread: every epoch is a round; with {@code batches > 0} the
 * batches are cut into {@code chunks} rounds of (nearly) equal size, drawn from consecutive
 * shuffled epochs.
 *
 * @param model the model name, e.g. {@code cnn-small}
 * @param dataset the data set
 * @param dataDir the local data, or null for the data set's default source
 * @param batchSize images per training batch, {@code >= 1}
 * @param warmupBatches batches trained before measuring, {@code >= 0}
 * @param epochs measured epochs, {@code >= 1}; ignored when {@code batches > 0}
 * @param batches measured batches, or 0 to measure whole epochs
 * @param chunks rounds the measured batches are cut into, {@code 1..batches}
 * @param trainSize training images, an equal count per class, or 0 for the whole training set
 * @param threads intra-op threads to ask the engine for, or 0 for its default
 * @param interopThreads inter-op threads to ask the engine for, or 0 for its default
 * @param seed fixes initialisation and shuffling
 * @param augment whether training batches get random crops (padding 4) and flips
 * @param preset the preset whose baseline gives the training (optimizer, schedule, averaging, ...),
 *     its augmentation (besides {@code augment}) and its test-time augmentation, or empty for Adam
 *     with learning rate 1e-3, constant
 */
public record BenchSpec(
        String model,
        DatasetDefinition dataset,
        Path dataDir,
        int batchSize,
        int warmupBatches,
        int epochs,
        int batches,
        int chunks,
        int trainSize,
        int threads,
        int interopThreads,
        int seed,
        boolean augment,
        Optional<Preset> preset) {

    /**
     * The plan options a benchmark takes, as {@code run} declares them, and its defaults for them,
     * which differ from every preset's: a small model on Fashion-MNIST, every training image, batch
     * 128, three measured epochs, no augmentation.
     */
    public static final PlanOptions DEFAULTS =
            PlanOptions.of(
                    Map.of(
                            "model",
                            "cnn-small",
                            "dataset",
                            FashionMnistDataset.NAME,
                            "dataDir",
                            "",
                            "batchSize",
                            128,
                            "epochs",
                            3,
                            "trainSize",
                            0,
                            "augment",
                            false),
                    "bench's defaults");

    /** Validates every field, naming the option at fault. */
    public BenchSpec {
        if (model == null || model.isBlank()) {
            throw new IllegalArgumentException(
                    "--model is empty; expected a model name such as cnn-small");
        }
        if (dataset == null) {
            throw new IllegalArgumentException(
                    "--dataset is missing; expected cifar10 or fashion-mnist");
        }
        atLeast("--batch-size", batchSize, 1);
        atLeast("--warmup-batches", warmupBatches, 0);
        atLeast("--epochs", epochs, 1);
        atLeast("--batches", batches, 0);
        atLeast("--chunks", chunks, 1);
        if (batches > 0 && chunks > batches) {
            throw new IllegalArgumentException(
                    "--chunks is "
                            + chunks
                            + " but --batches is "
                            + batches
                            + "; expected at most one chunk per batch");
        }
        atLeast("--train-size", trainSize, 0);
        atLeast("--threads", threads, 0);
        atLeast("--interop-threads", interopThreads, 0);
        ThreadCap cap = ThreadCap.ofThisMachine();
        cap.check("--threads", threads);
        cap.check("--interop-threads", interopThreads);
        if (preset == null) {
            throw new IllegalArgumentException("--preset must be a preset or empty");
        }
        if (dataDir != null && !Files.exists(dataDir)) {
            throw new DataException(
                    "--data-dir "
                            + dataDir
                            + ": no such file or directory; expected the "
                            + dataset.name()
                            + " files");
        }
    }

    /** Returns where the data comes from: the local directory, or the data set's default. */
    public DataSource source() {
        return dataDir == null ? dataset.defaultSource() : DataSource.local(dataDir);
    }

    /** Returns true if a fixed number of batches is measured rather than whole epochs. */
    public boolean measuresBatches() {
        return batches > 0;
    }

    /** Returns the number of measured rounds: epochs, or chunks of the measured batches. */
    public int measuredRounds() {
        return measuresBatches() ? chunks : epochs;
    }

    /**
     * Returns the number of batches in a measured chunk: the batches shared out as evenly as
     * possible, the first chunks one larger.
     *
     * @param chunk the chunk, from 0
     * @return its batches
     */
    public int chunkBatches(int chunk) {
        return batches / chunks + (chunk < batches % chunks ? 1 : 0);
    }

    private static void atLeast(String option, int value, int least) {
        if (value < least) {
            throw new IllegalArgumentException(
                    option + " is " + value + "; expected a whole number >= " + least);
        }
    }
}

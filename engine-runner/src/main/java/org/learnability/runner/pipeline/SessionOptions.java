package org.learnability.runner.pipeline;

import org.learnability.runner.engine.DeviceSelection;
import org.learnability.runner.scoring.TestTimeAugmentation;

/**
 * How a {@link Session} runs: on which devices, whether training shows DJL's progress bar and epoch
 * log, how many samples a scoring pass takes at once, and what every scoring of the session
 * averages over.
 *
 * @param devices which devices train
 * @param progress whether training shows DJL's progress bar and epoch log
 * @param scoringBatchSize samples per forward pass when scoring a split
 * @param testTimeAugmentation what each image's logits average over whenever a model of the session
 *     is scored (validation after every epoch, validation, test, logits for offsets): the same for
 *     every model, so arms compare alike; none by default
 * @param everyEpochValidation whether a fit scores the validation split after every epoch (the
 *     per-epoch scores of a record), or only where its hook needs them ({@link
 *     ValidationHook#needsEveryEpoch}); every epoch by default
 */
public record SessionOptions(
        DeviceSelection devices,
        boolean progress,
        int scoringBatchSize,
        TestTimeAugmentation testTimeAugmentation,
        boolean everyEpochValidation) {

    /**
     * Samples per forward pass when scoring, unless configured: the fastest on a 2-core CPU with
     * 512 KiB caches for both engines and every built-in model, measured in BENCHMARKS.md (batch
     * 512 scored up to 2x slower: its activations do not stay in the caches).
     */
    public static final int DEFAULT_SCORING_BATCH = 128;

    /** Validates the options. */
    public SessionOptions {
        if (devices == null || testTimeAugmentation == null) {
            throw new IllegalArgumentException("devices and test-time augmentation must be given");
        }
        if (scoringBatchSize < 1) {
            throw new IllegalArgumentException(
                    "scoring batch size is " + scoringBatchSize + "; expected a whole number >= 1");
        }
    }

    /**
     * Options without test-time augmentation: the form before it existed.
     *
     * @param devices which devices train
     * @param progress whether training shows DJL's progress bar and epoch log
     * @param scoringBatchSize samples per forward pass when scoring a split
     */
    public SessionOptions(DeviceSelection devices, boolean progress, int scoringBatchSize) {
        this(devices, progress, scoringBatchSize, TestTimeAugmentation.NONE, true);
    }

    /**
     * The defaults: every GPU else the CPU, progress shown, scoring batch {@value
     * #DEFAULT_SCORING_BATCH}, no test-time augmentation.
     *
     * @return the defaults
     */
    public static SessionOptions defaults() {
        return new SessionOptions(DeviceSelection.auto(), true, DEFAULT_SCORING_BATCH);
    }

    /**
     * Returns these options with other devices.
     *
     * @param value the devices
     * @return the new options
     */
    public SessionOptions withDevices(DeviceSelection value) {
        return new SessionOptions(
                value, progress, scoringBatchSize, testTimeAugmentation, everyEpochValidation);
    }

    /**
     * Returns these options with progress output on or off.
     *
     * @param value whether to show progress
     * @return the new options
     */
    public SessionOptions withProgress(boolean value) {
        return new SessionOptions(
                devices, value, scoringBatchSize, testTimeAugmentation, everyEpochValidation);
    }

    /**
     * Returns these options with another scoring batch size.
     *
     * @param value samples per scoring pass
     * @return the new options
     */
    public SessionOptions withScoringBatchSize(int value) {
        return new SessionOptions(
                devices, progress, value, testTimeAugmentation, everyEpochValidation);
    }

    /**
     * Returns these options with another test-time augmentation for every scoring.
     *
     * @param value what each image's logits average over
     * @return the new options
     */
    public SessionOptions withTestTimeAugmentation(TestTimeAugmentation value) {
        return new SessionOptions(devices, progress, scoringBatchSize, value, everyEpochValidation);
    }

    /**
     * Returns these options with the validation split scored after every epoch, or only where a
     * fit's hook needs it.
     *
     * @param value whether every epoch is scored
     * @return the new options
     */
    public SessionOptions withEveryEpochValidation(boolean value) {
        return new SessionOptions(devices, progress, scoringBatchSize, testTimeAugmentation, value);
    }
}

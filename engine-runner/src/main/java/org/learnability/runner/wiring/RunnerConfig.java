package org.learnability.runner.wiring;

import java.nio.file.Path;
import org.learnability.runner.data.DataCache;
import org.learnability.runner.engine.DeviceSelection;
import org.learnability.runner.training.TrainingSettings;

/**
 * What {@link LearnabilityModule} is configured with.
 *
 * @param pluginsDir the directory whose jars hold plugin strategies
 * @param devices which devices train
 * @param dataCache where converted data sets are kept
 * @param training how models are trained
 * @param scoringBatchSize samples per forward pass when scoring a split
 * @param progress whether training shows DJL's progress bar and epoch log
 */
public record RunnerConfig(
        Path pluginsDir,
        DeviceSelection devices,
        Path dataCache,
        TrainingSettings training,
        int scoringBatchSize,
        boolean progress) {

    /** The plugins directory used when none is given. */
    public static final Path DEFAULT_PLUGINS = Path.of("plugins");

    /**
     * Samples per forward pass when scoring, unless configured: the fastest on a 2-core CPU with
     * 512 KiB caches for both engines and every built-in model, measured in BENCHMARKS.md (batch
     * 512 scored up to 2x slower: its activations do not stay in the caches).
     */
    public static final int DEFAULT_SCORING_BATCH = 128;

    /** Validates the record. */
    public RunnerConfig {
        if (pluginsDir == null || devices == null || dataCache == null || training == null) {
            throw new IllegalArgumentException(
                    "plugins directory, devices, data cache and training settings must be given");
        }
        if (scoringBatchSize < 1) {
            throw new IllegalArgumentException(
                    "scoring batch size is " + scoringBatchSize + "; expected a whole number >= 1");
        }
    }

    /**
     * The defaults: {@code plugins/}, every GPU else the CPU, the data cache in the temporary
     * directory, default training settings, scoring batch {@value #DEFAULT_SCORING_BATCH}, progress
     * shown.
     *
     * @return the defaults
     */
    public static RunnerConfig defaults() {
        return new RunnerConfig(
                DEFAULT_PLUGINS,
                DeviceSelection.auto(),
                DataCache.inTempDirectory().root(),
                TrainingSettings.defaults(),
                DEFAULT_SCORING_BATCH,
                true);
    }

    /**
     * Returns this configuration with another plugins directory.
     *
     * @param dir the directory
     * @return the new configuration
     */
    public RunnerConfig withPlugins(Path dir) {
        return new RunnerConfig(dir, devices, dataCache, training, scoringBatchSize, progress);
    }

    /**
     * Returns this configuration with other devices.
     *
     * @param value the devices
     * @return the new configuration
     */
    public RunnerConfig withDevices(DeviceSelection value) {
        return new RunnerConfig(pluginsDir, value, dataCache, training, scoringBatchSize, progress);
    }

    /**
     * Returns this configuration with other training settings.
     *
     * @param value the settings
     * @return the new configuration
     */
    public RunnerConfig withTraining(TrainingSettings value) {
        return new RunnerConfig(pluginsDir, devices, dataCache, value, scoringBatchSize, progress);
    }

    /**
     * Returns this configuration with progress output on or off.
     *
     * @param value whether to show progress
     * @return the new configuration
     */
    public RunnerConfig withProgress(boolean value) {
        return new RunnerConfig(pluginsDir, devices, dataCache, training, scoringBatchSize, value);
    }
}

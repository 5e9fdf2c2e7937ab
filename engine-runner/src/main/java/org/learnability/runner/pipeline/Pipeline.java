package org.learnability.runner.pipeline;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;
import jakarta.inject.Inject;
import jakarta.inject.Provider;
import java.util.Optional;
import org.learnability.runner.data.DataFingerprint;
import org.learnability.runner.data.DataOptions;
import org.learnability.runner.data.DataSource;
import org.learnability.runner.data.DataSplits;
import org.learnability.runner.data.DatasetDefinition;
import org.learnability.runner.data.DatasetLoader;
import org.learnability.runner.data.LoadedDataset;
import org.learnability.runner.engine.DeviceSelection;
import org.learnability.runner.engine.EngineSelection;
import org.learnability.runner.engine.EngineThreads;
import org.learnability.runner.engine.ThreadRequest;
import org.learnability.runner.training.Models;

/**
 * The one way Learnability loads, splits, trains and scores: {@link #open} loads a data set onto
 * the engine's first device and splits it into a {@link Session}, which trains and scores models on
 * it. Every command that trains ({@code run}, {@code bench}) goes through here.
 *
 * <p>The engine is taken from a provider on first use, so that a command that never trains never
 * loads an engine's native library, and settings made before (threads) still apply.
 */
public final class Pipeline {

    private final Provider<Engine> engine;
    private final DatasetLoader loader;
    private final Models models;
    private final ThreadRequest threads;

    /**
     * Creates the pipeline from the application's services.
     *
     * @param engine the engine, loaded on first use
     * @param loader loads data sets
     * @param models makes models
     * @param threads the threads the process asked for at start-up
     */
    @Inject
    public Pipeline(
            Provider<Engine> engine, DatasetLoader loader, Models models, ThreadRequest threads) {
        this.engine = engine;
        this.loader = loader;
        this.models = models;
        this.threads = threads;
    }

    /**
     * Returns the engine, loading it on first use.
     *
     * @return the engine
     */
    public Engine engine() {
        return engine.get();
    }

    /**
     * Returns an engine by name, or the process's engine, loading it on first use.
     *
     * @param name the engine's name, or empty for the process's
     * @return the engine
     * @throws IllegalArgumentException naming an unknown engine and the available ones
     */
    public Engine engine(Optional<String> name) {
        return name.map(n -> new EngineSelection(n, "the grid").engine()).orElseGet(this::engine);
    }

    /**
     * Returns the engine's threads in effect, with a warning for every request that could not be
     * applied and for processors the engine leaves idle.
     *
     * @return the threads
     */
    public EngineThreads threads() {
        return EngineThreads.effective(engine(), threads, System.getenv());
    }

    /**
     * Checks that the engine can train on the first of the given devices: that it makes an array
     * there, and computes and back-propagates through it ({@code d(sum(x^2))/dx = 2x}). DJL lists
     * engines that cannot (its {@code RPC} engine), and a device may be missing.
     *
     * @param devices the devices a session would use
     * @throws IllegalArgumentException naming the engine, what failed and the engines to use
     */
    public void checkEngine(DeviceSelection devices) {
        checkEngine(engine(), devices);
    }

    /**
     * Checks that an engine can train on the first of the given devices (see {@link
     * #checkEngine(DeviceSelection)}).
     *
     * @param djl the engine
     * @param devices the devices a session would use
     * @throws IllegalArgumentException naming the engine, what failed and the engines to use
     */
    public void checkEngine(Engine djl, DeviceSelection devices) {
        Device device = devices.devices(djl)[0];
        float[] gradient;
        try (NDManager manager = djl.newBaseManager(device)) {
            NDArray x = manager.create(new float[] {1f, 2f});
            x.setRequiresGradient(true);
            try (GradientCollector collector = djl.newGradientCollector()) {
                collector.backward(x.mul(x).sum());
            }
            gradient = x.getGradient().toFloatArray();
        } catch (RuntimeException | UnsatisfiedLinkError e) {
            throw new IllegalArgumentException(
                    "engine "
                            + djl.getEngineName()
                            + " cannot train on "
                            + device
                            + " ("
                            + e.getClass().getSimpleName()
                            + (e.getMessage() == null
                                    ? ""
                                    : ": " + e.getMessage().lines().findFirst().orElse(""))
                            + "); "
                            + EngineSelection.trainableHint(),
                    e);
        }
        if (gradient.length != 2 || gradient[0] != 2f || gradient[1] != 4f) {
            throw new IllegalArgumentException(
                    "engine "
                            + djl.getEngineName()
                            + " computed the gradient of sum(x^2) at x = (1, 2) as "
                            + java.util.Arrays.toString(gradient)
                            + ", not (2, 4); "
                            + EngineSelection.trainableHint());
        }
    }

    /**
     * Checks a data source without loading it: local files are validated (and converted).
     *
     * @param dataset the data set
     * @param source the source
     * @throws org.learnability.runner.data.DataException naming the file and what is wrong
     */
    public void check(DatasetDefinition dataset, DataSource source) {
        loader.check(dataset, source);
    }

    /**
     * Returns the fingerprint of a data set's files, to tell later whether they changed.
     *
     * @param dataset the data set, as {@link #dataset} gives it
     * @param source where its data is
     * @return the fingerprint
     * @throws org.learnability.runner.data.DataException naming a file that cannot be read
     */
    public DataFingerprint fingerprint(DatasetDefinition dataset, DataSource source) {
        return loader.fingerprint(dataset, source);
    }

    /**
     * Returns a data set as a source and options make it ({@link DatasetDefinition#at}): itself for
     * a built-in one; for a user's image folder or table, the classes and shape of its data, whose
     * files are checked (and converted) here.
     *
     * @param dataset the data set, as registered
     * @param source where its data is
     * @param options the options of a user's data
     * @return the data set to open sessions on
     * @throws org.learnability.runner.data.DataException naming the file, value or option at fault
     */
    public DatasetDefinition dataset(
            DatasetDefinition dataset, DataSource source, DataOptions options) {
        return loader.at(dataset, source, options);
    }

    /**
     * Loads and splits a data set on the first of the session's devices.
     *
     * @param spec the data set, source, split and options
     * @return the session; the caller closes it
     * @throws org.learnability.runner.data.DataException for missing or bad data, or sizes that do
     *     not fit it
     * @throws IllegalArgumentException if a requested device is not there
     */
    public Session open(SessionSpec spec) {
        Engine djl = engine(spec.engine());
        Device[] devices = spec.options().devices().devices(djl);
        NDManager manager = djl.newBaseManager(devices[0]);
        try {
            LoadedDataset data = loader.load(spec.dataset(), spec.source(), manager);
            DataSplits splits;
            try {
                splits = DataSplits.create(data, spec.split());
            } catch (RuntimeException e) {
                data.close();
                throw e;
            }
            return new Session(djl, devices, manager, splits, spec, models);
        } catch (RuntimeException e) {
            manager.close();
            throw e;
        }
    }
}

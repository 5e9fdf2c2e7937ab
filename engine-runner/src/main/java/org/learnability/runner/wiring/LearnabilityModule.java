package org.learnability.runner.wiring;

import ai.djl.Device;
import ai.djl.engine.Engine;
import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import java.nio.file.Path;
import org.learnability.api.registry.StrategyRegistry;
import org.learnability.runner.data.DataCache;
import org.learnability.runner.data.DatasetLoader;
import org.learnability.runner.engine.EngineSelection;
import org.learnability.runner.engine.MallocTuning;
import org.learnability.runner.loss.WeightedSoftmaxCrossEntropyLoss;
import org.learnability.runner.model.ModelFactory;
import org.learnability.runner.training.LossFactory;
import org.learnability.runner.training.ModelTrainer;
import org.learnability.runner.training.Models;
import org.learnability.runner.training.Scorer;
import org.learnability.runner.training.TrainingSettings;

/**
 * The one place where Learnability's services are put together: the engine (DJL's {@code
 * ai.djl.default_engine} or {@code DJL_DEFAULT_ENGINE}, PyTorch by default, with glibc's malloc
 * tuned for tensors first: {@link MallocTuning}), the devices, the strategy registry, the data
 * loader, the model factory, the weighted loss, the trainer, the scorer and the training settings.
 * Every binding is lazy, so a command that only lists strategies never loads an engine's native
 * library.
 */
public final class LearnabilityModule extends AbstractModule {

    /** The plugins directory used when none is given. */
    public static final Path DEFAULT_PLUGINS = RunnerConfig.DEFAULT_PLUGINS;

    private final RunnerConfig config;

    /**
     * Creates the module.
     *
     * @param config what to configure the services with
     */
    public LearnabilityModule(RunnerConfig config) {
        this.config = config;
    }

    /**
     * Creates the module with default settings and the given plugins directory.
     *
     * @param pluginsDir the directory whose jars hold plugin strategies
     */
    public LearnabilityModule(Path pluginsDir) {
        this(RunnerConfig.defaults().withPlugins(pluginsDir));
    }

    @Provides
    @Singleton
    RunnerConfig config() {
        return config;
    }

    @Provides
    @Singleton
    EngineSelection engineSelection() {
        return EngineSelection.fromSystem();
    }

    @Provides
    @Singleton
    MallocTuning mallocTuning() {
        return MallocTuning.fromSystem();
    }

    /** The engine, loaded after the C allocator is tuned for its tensors. */
    @Provides
    @Singleton
    Engine engine(EngineSelection selection, MallocTuning malloc) {
        return selection.engine();
    }

    @Provides
    @Singleton
    Device[] devices(Engine engine) {
        return config.devices().devices(engine);
    }

    @Provides
    @Singleton
    StrategyRegistry strategyRegistry() {
        return StrategyRegistry.load(
                LearnabilityModule.class.getClassLoader(), config.pluginsDir());
    }

    @Provides
    @Singleton
    DatasetLoader datasetLoader() {
        return new DatasetLoader(new DataCache(config.dataCache()));
    }

    @Provides
    @Singleton
    ModelFactory modelFactory() {
        return ModelFactory.builtIn();
    }

    @Provides
    @Singleton
    Models models(ModelFactory factory, EngineSelection selection, Device[] devices) {
        return new Models(factory, selection, devices);
    }

    @Provides
    @Singleton
    LossFactory lossFactory() {
        return (weights, manager) ->
                new WeightedSoftmaxCrossEntropyLoss("weighted-softmax-ce", weights, manager);
    }

    @Provides
    @Singleton
    ModelTrainer modelTrainer(LossFactory lossFactory, Device[] devices) {
        return new ModelTrainer(lossFactory, devices, config.progress());
    }

    @Provides
    @Singleton
    Scorer scorer() {
        return new Scorer(config.scoringBatchSize());
    }

    @Provides
    TrainingSettings trainingSettings() {
        return config.training();
    }
}

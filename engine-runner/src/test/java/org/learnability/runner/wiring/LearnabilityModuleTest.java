package org.learnability.runner.wiring;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import ai.djl.Device;
import ai.djl.engine.Engine;
import com.google.inject.Guice;
import com.google.inject.Injector;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.learnability.api.registry.StrategyRegistry;
import org.learnability.runner.data.DatasetLoader;
import org.learnability.runner.engine.DeviceSelection;
import org.learnability.runner.engine.EngineSelection;
import org.learnability.runner.model.ModelFactory;
import org.learnability.runner.testing.EngineTest;
import org.learnability.runner.training.ModelTrainer;
import org.learnability.runner.training.Models;
import org.learnability.runner.training.Scorer;
import org.learnability.runner.training.TrainingSettings;

@EngineTest
class LearnabilityModuleTest {

    @TempDir Path dir;

    @Test
    void theInjectorProvidesEveryServiceOnTheSelectedEngine() {
        TrainingSettings training = TrainingSettings.defaults().withEpochs(3);
        RunnerConfig config =
                RunnerConfig.defaults()
                        .withPlugins(dir.resolve("plugins"))
                        .withDevices(new DeviceSelection("cpu"))
                        .withTraining(training)
                        .withProgress(false);
        Injector injector = Guice.createInjector(new LearnabilityModule(config));
        Engine engine = injector.getInstance(Engine.class);
        assertEquals(
                System.getProperty(EngineSelection.PROPERTY, EngineSelection.DEFAULT),
                engine.getEngineName());
        assertArrayEquals(new Device[] {Device.cpu()}, injector.getInstance(Device[].class));
        assertSame(
                injector.getInstance(ModelTrainer.class), injector.getInstance(ModelTrainer.class));
        assertEquals(training, injector.getInstance(TrainingSettings.class));
        assertEquals(
                ModelFactory.builtIn().names(), injector.getInstance(ModelFactory.class).names());
        injector.getInstance(Models.class);
        injector.getInstance(Scorer.class);
        injector.getInstance(DatasetLoader.class);
        // engine-runner's class path holds no strategies: the registry is empty but loads.
        assertEquals(0, injector.getInstance(StrategyRegistry.class).strategies().size());
    }
}

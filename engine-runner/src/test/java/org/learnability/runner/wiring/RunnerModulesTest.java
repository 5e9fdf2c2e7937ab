package org.learnability.runner.wiring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import ai.djl.engine.Engine;
import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Key;
import com.google.inject.TypeLiteral;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.learnability.api.registry.StrategyRegistry;
import org.learnability.runner.data.DataCache;
import org.learnability.runner.data.DatasetDefinition;
import org.learnability.runner.engine.EngineBootstrap;
import org.learnability.runner.engine.EngineSelection;
import org.learnability.runner.engine.ThreadRequest;
import org.learnability.runner.model.ModelArchitecture;
import org.learnability.runner.pipeline.Pipeline;
import org.learnability.runner.registry.Registry;
import org.learnability.runner.testing.EngineTest;

@EngineTest
class RunnerModulesTest {

    @TempDir Path dir;

    @Test
    void theModulesProvideEveryServiceOnTheSelectedEngine() {
        Injector injector =
                Guice.createInjector(
                        new EngineModule(EngineBootstrap.run(ThreadRequest.DEFAULTS)),
                        new DataModule(dir.resolve("cache")),
                        new ModelModule(),
                        new StrategyModule(dir.resolve("plugins")),
                        new TrainingModule());
        Engine engine = injector.getInstance(Engine.class);
        assertEquals(
                System.getProperty(EngineSelection.PROPERTY, EngineSelection.DEFAULT),
                engine.getEngineName());
        assertSame(
                injector.getInstance(Engine.class), injector.getInstance(Pipeline.class).engine());
        assertEquals(
                dir.resolve("cache").toAbsolutePath(),
                injector.getInstance(DataCache.class).root());
        assertEquals(
                List.of("cifar10", "fashion-mnist", "image-folder", "csv"),
                injector.getInstance(Key.get(new TypeLiteral<Registry<DatasetDefinition>>() {}))
                        .names());
        assertEquals(
                List.of("cnn-small", "resnet-peifer", "resnet-peifer-nhwc", "resnet20", "mlp"),
                injector.getInstance(Key.get(new TypeLiteral<Registry<ModelArchitecture>>() {}))
                        .names());
        // engine-runner's class path holds no strategies: the registry is empty but loads.
        assertEquals(0, injector.getInstance(StrategyRegistry.class).strategies().size());
    }
}

package org.learnability.experiments.app;

import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Key;
import com.google.inject.Module;
import com.google.inject.util.Types;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.learnability.runner.data.DataCache;
import org.learnability.runner.engine.EngineBootstrap;
import org.learnability.runner.engine.ThreadRequest;
import org.learnability.runner.registry.Named;
import org.learnability.runner.registry.Registry;
import org.learnability.runner.wiring.DataModule;
import org.learnability.runner.wiring.EngineModule;
import org.learnability.runner.wiring.ModelModule;
import org.learnability.runner.wiring.StrategyModule;
import org.learnability.runner.wiring.TrainingModule;

/**
 * The one place where the application is put together, once per process: the process-wide settings
 * that must precede any engine ({@link EngineBootstrap}: allocator, engine name, threads), then one
 * injector from the small modules of engine-runner and experiments (engine, data, models,
 * strategies, training, modes, output), plus any extra modules (a test's toy mode, say).
 */
public final class Application {

    private final Injector injector;

    private Application(Injector injector) {
        this.injector = injector;
    }

    /**
     * Runs the start-up settings and makes the injector.
     *
     * @param pluginsDirectory the directory whose jars hold plugin strategies
     * @param threads the engine threads to ask for
     * @param extra further modules, e.g. registering more modes, data sets or models
     * @return the application
     * @throws IllegalArgumentException for a bad start-up setting (allocator property, engine name)
     */
    public static Application start(
            Path pluginsDirectory, ThreadRequest threads, List<? extends Module> extra) {
        EngineBootstrap bootstrap = EngineBootstrap.run(threads);
        List<Module> modules = new ArrayList<>();
        modules.add(new EngineModule(bootstrap));
        modules.add(new DataModule(DataCache.inTempDirectory().root()));
        modules.add(new ModelModule());
        modules.add(new StrategyModule(pluginsDirectory));
        modules.add(new TrainingModule());
        modules.add(new ModeModule(pluginsDirectory));
        modules.add(new OutputModule());
        modules.addAll(extra);
        return new Application(Guice.createInjector(modules));
    }

    /**
     * Returns a service of the application.
     *
     * @param type its type
     * @param <T> the type
     * @return the service
     */
    public <T> T get(Class<T> type) {
        return injector.getInstance(type);
    }

    /**
     * Returns the registry of one kind of named things: data sets, models, modes.
     *
     * @param type the kind
     * @param <T> the kind
     * @return its registry
     */
    @SuppressWarnings("unchecked")
    public <T extends Named> Registry<T> registry(Class<T> type) {
        return (Registry<T>)
                injector.getInstance(Key.get(Types.newParameterizedType(Registry.class, type)));
    }
}

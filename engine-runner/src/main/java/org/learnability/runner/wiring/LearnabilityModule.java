package org.learnability.runner.wiring;

import ai.djl.engine.Engine;
import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import java.nio.file.Path;
import org.learnability.api.registry.StrategyRegistry;
import org.learnability.runner.engine.EngineSelection;

/**
 * The one place where Learnability's services are put together. Every binding is lazy, so a
 * command that only lists strategies never loads an engine's native library.
 */
public final class LearnabilityModule extends AbstractModule {

    /** The plugins directory used when none is given. */
    public static final Path DEFAULT_PLUGINS = Path.of("plugins");

    private final Path pluginsDir;

    /**
     * Creates the module.
     *
     * @param pluginsDir the directory whose jars hold plugin strategies
     */
    public LearnabilityModule(Path pluginsDir) {
        this.pluginsDir = pluginsDir;
    }

    @Provides
    @Singleton
    EngineSelection engineSelection() {
        return EngineSelection.fromSystem();
    }

    @Provides
    @Singleton
    Engine engine(EngineSelection selection) {
        return selection.engine();
    }

    @Provides
    @Singleton
    StrategyRegistry strategyRegistry() {
        return StrategyRegistry.load(LearnabilityModule.class.getClassLoader(), pluginsDir);
    }
}

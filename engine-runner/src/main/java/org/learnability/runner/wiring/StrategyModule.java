package org.learnability.runner.wiring;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import java.nio.file.Path;
import org.learnability.api.registry.StrategyRegistry;

/**
 * The weight strategies: every {@code WeightStrategyProvider} on the class path and in the jars of
 * the plugins directory, found by {@link java.util.ServiceLoader} on first use.
 */
public final class StrategyModule extends AbstractModule {

    /** The plugins directory used when none is given. */
    public static final Path DEFAULT_PLUGINS = Path.of("plugins");

    private final Path pluginsDirectory;

    /**
     * Creates the module.
     *
     * @param pluginsDirectory the directory whose jars hold plugin strategies
     */
    public StrategyModule(Path pluginsDirectory) {
        this.pluginsDirectory = pluginsDirectory;
    }

    @Provides
    @Singleton
    StrategyRegistry registry() {
        return StrategyRegistry.load(StrategyModule.class.getClassLoader(), pluginsDirectory);
    }
}

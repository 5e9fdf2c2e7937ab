package org.learnability.runner.wiring;

import ai.djl.engine.Engine;
import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import org.learnability.runner.engine.EngineBootstrap;
import org.learnability.runner.engine.EngineSelection;
import org.learnability.runner.engine.MallocTuning;
import org.learnability.runner.engine.ThreadRequest;

/**
 * The engine: DJL's engine as chosen at start-up ({@link EngineBootstrap}), loaded on first use,
 * and what the start-up set (allocator, threads).
 */
public final class EngineModule extends AbstractModule {

    private final EngineBootstrap bootstrap;

    /**
     * Creates the module.
     *
     * @param bootstrap what the process set before any engine could load
     */
    public EngineModule(EngineBootstrap bootstrap) {
        this.bootstrap = bootstrap;
    }

    @Override
    protected void configure() {
        bind(EngineBootstrap.class).toInstance(bootstrap);
        bind(EngineSelection.class).toInstance(bootstrap.engine());
        bind(MallocTuning.class).toInstance(bootstrap.malloc());
        bind(ThreadRequest.class).toInstance(bootstrap.threads());
    }

    /** The engine, loaded (with its native library) on first use. */
    @Provides
    @Singleton
    Engine engine(EngineSelection selection) {
        return selection.engine();
    }
}

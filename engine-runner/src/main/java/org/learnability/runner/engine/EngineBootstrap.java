package org.learnability.runner.engine;

import java.util.Map;
import java.util.Properties;

/**
 * The process-wide settings that must be made before an engine's native library loads, made in one
 * explicit step at start-up, before anything can touch an engine:
 *
 * <ol>
 *   <li>glibc's allocator tuned for tensors ({@link MallocTuning});
 *   <li>the engine chosen ({@link EngineSelection}) and written to DJL's property {@value
 *       EngineSelection#PROPERTY}, so that DJL code asking for "the default engine" (its dataset
 *       builders do) gets Learnability's choice rather than DJL's own;
 *   <li>the thread counts a command asks for ({@link ThreadRequest}).
 * </ol>
 *
 * @param malloc what the allocator tuning did
 * @param engine the engine chosen, and where the choice came from
 * @param threads the threads asked for
 */
public record EngineBootstrap(MallocTuning malloc, EngineSelection engine, ThreadRequest threads) {

    /**
     * Makes the settings for this process.
     *
     * @param threads the threads to ask for
     * @return what was set
     * @throws IllegalArgumentException for a bad {@value MallocTuning#PROPERTY} or an empty engine
     *     name
     */
    public static EngineBootstrap run(ThreadRequest threads) {
        return run(threads, System.getProperties(), System.getenv());
    }

    /**
     * Makes the settings in the given properties, reading the given environment.
     *
     * @param threads the threads to ask for
     * @param properties the system properties, changed here
     * @param env the environment
     * @return what was set
     */
    static EngineBootstrap run(
            ThreadRequest threads, Properties properties, Map<String, String> env) {
        MallocTuning malloc = MallocTuning.resolve(properties);
        EngineSelection engine = EngineSelection.resolve(properties, env);
        if (properties.getProperty(EngineSelection.PROPERTY) == null) {
            properties.setProperty(EngineSelection.PROPERTY, engine.name());
        }
        threads.applyTo(properties);
        return new EngineBootstrap(malloc, engine, threads);
    }
}

package org.learnability.runner.engine;

import ai.djl.engine.Engine;
import ai.djl.engine.EngineProvider;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which DJL engine runs the experiment, chosen the DJL way: the system property {@value #PROPERTY},
 * else the environment variable {@value #ENV}, else {@value #DEFAULT}.
 *
 * <p>DJL on its own would pick MXNet when both engines are on the class path; Learnability's
 * default is PyTorch. Everything in engine-runner takes its engine from here and passes the engine
 * name to DJL explicitly, so nothing depends on DJL's own default.
 *
 * @param name the engine name as DJL knows it, {@code PyTorch} or {@code MXNet}
 * @param origin where the name came from, for messages
 */
public record EngineSelection(String name, String origin) {

    /** DJL's system property that names the engine. */
    public static final String PROPERTY = "ai.djl.default_engine";

    /** DJL's environment variable that names the engine. */
    public static final String ENV = "DJL_DEFAULT_ENGINE";

    /** Learnability's default engine. */
    public static final String DEFAULT = "PyTorch";

    /** Validates the record. */
    public EngineSelection {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("engine name is empty (from " + origin + ")");
        }
    }

    /**
     * Resolves the engine from the given system properties and environment.
     *
     * @param properties the system properties
     * @param env the environment
     * @return the selection
     */
    public static EngineSelection resolve(Properties properties, Map<String, String> env) {
        String property = properties.getProperty(PROPERTY);
        if (property != null) {
            return new EngineSelection(nonEmpty(property, "-D" + PROPERTY), "-D" + PROPERTY);
        }
        String variable = env.get(ENV);
        if (variable != null) {
            return new EngineSelection(nonEmpty(variable, "$" + ENV), "$" + ENV);
        }
        return new EngineSelection(DEFAULT, "the default");
    }

    private static String nonEmpty(String name, String origin) {
        if (name.isBlank()) {
            throw new IllegalArgumentException(
                    origin
                            + " is empty; "
                            + trainableHint()
                            + ", or leave it unset for "
                            + DEFAULT);
        }
        return name.trim();
    }

    /**
     * Resolves the engine from this JVM's system properties and environment.
     *
     * @return the selection
     */
    public static EngineSelection fromSystem() {
        return resolve(System.getProperties(), System.getenv());
    }

    /**
     * Returns the DJL engine, loading its native library on first use.
     *
     * @return the engine
     * @throws IllegalArgumentException naming the engine and the available ones if it is unknown
     */
    public Engine engine() {
        // Checked through the providers, before DJL's Engine class loads: its static initialiser
        // fails on an unknown ai.djl.default_engine with an ExceptionInInitializerError.
        Set<String> available = available();
        if (!available.contains(name)) {
            throw new IllegalArgumentException(
                    "unknown engine '"
                            + name
                            + "' (from "
                            + origin
                            + "); available engines: "
                            + String.join(", ", available));
        }
        return Engine.getEngine(name);
    }

    /**
     * Returns the advice for an engine that cannot train: the engines on the class path that
     * Learnability trains with.
     *
     * @return e.g. {@code use -Dai.djl.default_engine=PyTorch or MXNet}
     */
    public static String trainableHint() {
        List<String> trainable =
                available().stream()
                        .filter(name -> EngineFamily.of(name) != EngineFamily.OTHER)
                        .toList();
        return "use -D" + PROPERTY + "=" + String.join(" or ", trainable);
    }

    /**
     * Returns the engines on the class path, by name.
     *
     * @return the names, sorted
     */
    public static Set<String> available() {
        Set<String> names = new TreeSet<>();
        for (EngineProvider provider : ServiceLoader.load(EngineProvider.class)) {
            names.add(provider.getEngineName());
        }
        return names;
    }
}

package org.learnability.api.registry;

import java.io.Closeable;
import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.TreeMap;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.learnability.api.scores.ClassScores;
import org.learnability.api.strategy.ParameterSpec;
import org.learnability.api.strategy.StrategyException;
import org.learnability.api.strategy.StrategyParameters;
import org.learnability.api.strategy.StrategySpec;
import org.learnability.api.strategy.WeightStrategy;
import org.learnability.api.strategy.WeightStrategyProvider;
import org.learnability.api.weights.ClassWeights;

/**
 * Every {@link WeightStrategyProvider} found through {@link ServiceLoader}: on the class path and
 * in each jar of a plugins directory, each jar in a class loader of its own. Turns strategy specs
 * into configured strategies, validating names, keys and values.
 *
 * <p>Closing the registry closes the plugin class loaders.
 */
public final class StrategyRegistry implements Closeable {

    private final Map<String, StrategyInfo> strategies;
    private final List<URLClassLoader> pluginLoaders;

    private StrategyRegistry(
            Map<String, StrategyInfo> strategies, List<URLClassLoader> pluginLoaders) {
        this.strategies = strategies;
        this.pluginLoaders = pluginLoaders;
    }

    /**
     * Finds the strategies on a class path and in a plugins directory.
     *
     * @param parent the class loader of the class path, also the parent of every plugin loader
     * @param pluginsDir the directory whose {@code *.jar} files are plugins; a directory that does
     *     not exist holds no plugins
     * @return the registry
     * @throws StrategyException if a jar cannot be loaded or two strategies share a name
     */
    public static StrategyRegistry load(ClassLoader parent, Path pluginsDir) {
        Map<String, StrategyInfo> found = new TreeMap<>();
        List<URLClassLoader> loaders = new ArrayList<>();
        try {
            for (ServiceLoader.Provider<WeightStrategyProvider> p :
                    providers(
                            ServiceLoader.load(WeightStrategyProvider.class, parent),
                            "the class path")) {
                add(found, new StrategyInfo(instantiate(p, "the class path"), sourceOf(p.type())));
            }
            for (Path jar : pluginJars(pluginsDir)) {
                URLClassLoader loader = openJar(jar, parent);
                loaders.add(loader);
                String where = jar.toString();
                for (ServiceLoader.Provider<WeightStrategyProvider> p :
                        providers(
                                ServiceLoader.load(WeightStrategyProvider.class, loader), where)) {
                    if (p.type().getClassLoader() == loader) {
                        add(found, new StrategyInfo(instantiate(p, where), where));
                    }
                }
            }
        } catch (RuntimeException e) {
            closeAll(loaders);
            throw e;
        }
        return new StrategyRegistry(found, loaders);
    }

    /**
     * Finds the strategies on the class path only.
     *
     * @param parent the class loader to search
     * @return the registry
     */
    public static StrategyRegistry classPath(ClassLoader parent) {
        return load(parent, null);
    }

    private static List<ServiceLoader.Provider<WeightStrategyProvider>> providers(
            ServiceLoader<WeightStrategyProvider> loader, String where) {
        try {
            return loader.stream().toList();
        } catch (ServiceConfigurationError | LinkageError e) {
            // LinkageError: a listed class was found but cannot be defined, e.g. its superclass is
            // missing (NoClassDefFoundError); ServiceLoader passes that through unwrapped
            throw new StrategyException(where + ": cannot load strategies: " + oneLine(e), e);
        }
    }

    private static WeightStrategyProvider instantiate(
            ServiceLoader.Provider<WeightStrategyProvider> provider, String where) {
        try {
            return provider.get();
        } catch (ServiceConfigurationError | LinkageError | RuntimeException e) {
            throw new StrategyException(
                    where
                            + ": cannot load strategy "
                            + provider.type().getName()
                            + ": "
                            + oneLine(e),
                    e);
        }
    }

    private static void add(Map<String, StrategyInfo> found, StrategyInfo info) {
        String name = info.name();
        if (name == null || !name.matches("[a-z0-9][a-z0-9-]*")) {
            throw new StrategyException(
                    info.origin()
                            + ": strategy name '"
                            + name
                            + "' must be lower case letters, digits and dashes");
        }
        StrategyInfo earlier = found.putIfAbsent(name, info);
        if (earlier != null) {
            throw new StrategyException(
                    "two strategies are named '"
                            + name
                            + "': "
                            + earlier.origin()
                            + " and "
                            + info.origin()
                            + "; remove one of the jars");
        }
    }

    private static List<Path> pluginJars(Path dir) {
        if (dir == null || !Files.exists(dir)) {
            return List.of();
        }
        if (!Files.isDirectory(dir)) {
            throw new StrategyException("plugins directory " + dir + " is not a directory");
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".jar")).sorted().toList();
        } catch (IOException e) {
            throw new StrategyException(
                    "cannot list plugins directory " + dir + ": " + e.getMessage(), e);
        }
    }

    private static URLClassLoader openJar(Path jar, ClassLoader parent) {
        // URLClassLoader skips a jar it cannot open without a word: open it first to fail clearly.
        try (JarFile ignored = new JarFile(jar.toFile())) {
            URL url = jar.toUri().toURL();
            return new URLClassLoader("plugin " + jar.getFileName(), new URL[] {url}, parent);
        } catch (MalformedURLException e) {
            throw new StrategyException(jar + ": cannot load strategies: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new StrategyException(
                    jar + ": cannot load strategies: not a readable jar (" + e.getMessage() + ")",
                    e);
        }
    }

    private static String sourceOf(Class<?> type) {
        CodeSource source = type.getProtectionDomain().getCodeSource();
        if (source == null || source.getLocation() == null) {
            return "the class path";
        }
        try {
            return Path.of(source.getLocation().toURI()).toString();
        } catch (Exception e) {
            return source.getLocation().toString();
        }
    }

    private static String oneLine(Throwable e) {
        Throwable root = e;
        StringBuilder text = new StringBuilder(String.valueOf(e.getMessage()));
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
            text.append(" (")
                    .append(root.getClass().getSimpleName())
                    .append(": ")
                    .append(root.getMessage())
                    .append(')');
        }
        return text.toString().replace('\n', ' ');
    }

    private static void closeAll(Collection<URLClassLoader> loaders) {
        for (URLClassLoader loader : loaders) {
            try {
                loader.close();
            } catch (IOException ignored) {
                // closing is best effort; nothing is left to clean up
            }
        }
    }

    /**
     * Returns every strategy found, sorted by name.
     *
     * @return the strategies
     */
    public List<StrategyInfo> strategies() {
        return List.copyOf(strategies.values());
    }

    /**
     * Returns one strategy by name.
     *
     * @param name the name
     * @return the strategy and its source
     * @throws StrategyException listing the known names when there is none by that name
     */
    public StrategyInfo info(String name) {
        StrategyInfo info = strategies.get(name);
        if (info == null) {
            throw new StrategyException(
                    "unknown strategy '"
                            + name
                            + "'; "
                            + (strategies.isEmpty()
                                    ? "no strategies were found on the class path or in the plugins directory"
                                    : "known strategies: "
                                            + String.join(", ", strategies.keySet())));
        }
        return info;
    }

    /**
     * Validates a spec and fills in defaults.
     *
     * @param spec the spec
     * @return every declared parameter, set or defaulted
     * @throws StrategyException naming the unknown key or the bad value and what is valid
     */
    public StrategyParameters parameters(StrategySpec spec) {
        WeightStrategyProvider provider = info(spec.name()).provider();
        Map<String, ParameterSpec> declared = new LinkedHashMap<>();
        for (ParameterSpec p : provider.parameters()) {
            declared.put(p.name(), p);
        }
        for (String key : spec.parameters().keySet()) {
            if (!declared.containsKey(key)) {
                throw new StrategyException(
                        "strategy "
                                + spec.name()
                                + " has no parameter '"
                                + key
                                + "'; "
                                + (declared.isEmpty()
                                        ? "it takes none"
                                        : "its parameters: "
                                                + String.join(", ", declared.keySet())));
            }
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (ParameterSpec p : declared.values()) {
            String value = spec.parameters().getOrDefault(p.name(), p.defaultValue());
            if (!p.accepts(value)) {
                throw new StrategyException(
                        "strategy "
                                + spec.name()
                                + ": "
                                + p.name()
                                + "="
                                + value
                                + " is not valid; expected "
                                + p.expected());
            }
            values.put(p.name(), value);
        }
        return new StrategyParameters(values);
    }

    /**
     * Creates a configured strategy from a spec string.
     *
     * @param spec {@code name} or {@code name:key=value,key=value}
     * @return the strategy; its results are checked to cover every class
     */
    public WeightStrategy create(String spec) {
        return create(StrategySpec.parse(spec));
    }

    /**
     * Creates a configured strategy from a parsed spec.
     *
     * @param spec the spec
     * @return the strategy; its results are checked to cover every class
     */
    public WeightStrategy create(StrategySpec spec) {
        StrategyInfo info = info(spec.name());
        WeightStrategy strategy = info.provider().create(parameters(spec));
        return (ClassScores scores, ClassWeights current) -> {
            current.requireSize(scores.numClasses());
            ClassWeights weights = strategy.weights(scores, current);
            if (weights == null || weights.size() != scores.numClasses()) {
                throw new StrategyException(
                        "strategy "
                                + spec
                                + " ("
                                + info.origin()
                                + ") returned "
                                + (weights == null ? "no weights" : weights.size() + " weights")
                                + " for "
                                + scores.numClasses()
                                + " classes");
            }
            return weights;
        };
    }

    @Override
    public void close() {
        closeAll(pluginLoaders);
    }
}

package org.learnability.api.registry;

import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.TreeMap;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.learnability.api.strategy.StrategyException;
import org.learnability.api.strategy.WeightStrategyProvider;

/**
 * Finds the {@link WeightStrategyProvider}s on a class path and in the jars of a plugins directory,
 * each jar in a class loader of its own, the way DJL finds its engines; every failure is one {@link
 * StrategyException} naming the jar (or the class path) and the cause.
 */
final class PluginDiscovery {

    /**
     * What was found.
     *
     * @param strategies the strategies by name, sorted
     * @param loaders the plugin jars' class loaders, to close with the registry
     */
    record Found(Map<String, StrategyInfo> strategies, List<URLClassLoader> loaders) {}

    private PluginDiscovery() {}

    static Found find(ClassLoader parent, Path pluginsDir) {
        Map<String, StrategyInfo> found = new TreeMap<>();
        List<URLClassLoader> loaders = new ArrayList<>();
        try {
            for (ServiceLoader.Provider<WeightStrategyProvider> p :
                    providers(
                            ServiceLoader.load(WeightStrategyProvider.class, parent),
                            "the class path")) {
                add(found, StrategyInfo.of(instantiate(p, "the class path"), sourceOf(p.type())));
            }
            for (Path jar : pluginJars(pluginsDir)) {
                URLClassLoader loader = openJar(jar, parent);
                loaders.add(loader);
                String where = jar.toString();
                for (ServiceLoader.Provider<WeightStrategyProvider> p :
                        providers(
                                ServiceLoader.load(WeightStrategyProvider.class, loader), where)) {
                    if (p.type().getClassLoader() == loader) {
                        add(found, StrategyInfo.of(instantiate(p, where), where));
                    }
                }
            }
        } catch (RuntimeException e) {
            closeAll(loaders);
            throw e;
        }
        return new Found(found, loaders);
    }

    private static List<ServiceLoader.Provider<WeightStrategyProvider>> providers(
            ServiceLoader<WeightStrategyProvider> loader, String where) {
        try {
            return loader.stream().toList();
        } catch (ServiceConfigurationError | LinkageError e) {
            // LinkageError: a listed class was found but cannot be defined, e.g. its superclass is
            // missing (NoClassDefFoundError); ServiceLoader passes that through unwrapped
            throw new StrategyException(
                    where + ": cannot load strategies: " + Failures.oneLine(e), e);
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
                            + Failures.oneLine(e),
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

    static void closeAll(Collection<URLClassLoader> loaders) {
        for (URLClassLoader loader : loaders) {
            try {
                loader.close();
            } catch (IOException ignored) {
                // closing is best effort; nothing is left to clean up
            }
        }
    }
}

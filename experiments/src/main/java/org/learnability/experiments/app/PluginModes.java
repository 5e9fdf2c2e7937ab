package org.learnability.experiments.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.stream.Stream;
import org.learnability.experiments.mode.ExperimentMode;

/**
 * Finds the experiment modes of the plugins directory's jars, as DJL finds its engines: every
 * {@link ExperimentMode} a jar lists in {@code
 * META-INF/services/org.learnability.experiments.mode.ExperimentMode}, made by its public
 * no-argument constructor, each jar in a class loader of its own. A jar without modes (a strategy
 * plugin) is passed over; its strategies are the strategy registry's to load and report.
 */
final class PluginModes {

    private PluginModes() {}

    /**
     * Finds the modes.
     *
     * @param parent the application's class loader, the parent of each jar's
     * @param dir the plugins directory; null or missing for none
     * @return each mode found, by where it was found ({@code jar:name})
     * @throws IllegalArgumentException naming the jar whose mode cannot be made
     */
    static Map<String, ExperimentMode> find(ClassLoader parent, Path dir) {
        Map<String, ExperimentMode> found = new LinkedHashMap<>();
        for (Path jar : jars(dir)) {
            URLClassLoader loader = loader(parent, jar);
            try {
                for (ServiceLoader.Provider<ExperimentMode> p :
                        ServiceLoader.load(ExperimentMode.class, loader).stream().toList()) {
                    if (p.type().getClassLoader() == loader) {
                        ExperimentMode mode = p.get();
                        found.put(jar + ":" + mode.name(), mode);
                    }
                }
            } catch (ServiceConfigurationError | LinkageError e) {
                throw new IllegalArgumentException(
                        jar + ": cannot load its modes: " + e.getMessage(), e);
            }
        }
        return found;
    }

    private static List<Path> jars(Path dir) {
        if (dir == null || !Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".jar")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list plugins directory " + dir, e);
        }
    }

    private static URLClassLoader loader(ClassLoader parent, Path jar) {
        try {
            return new URLClassLoader(
                    "plugin " + jar.getFileName(), new URL[] {jar.toUri().toURL()}, parent);
        } catch (MalformedURLException e) {
            throw new IllegalArgumentException(jar + ": not a jar's path", e);
        }
    }
}

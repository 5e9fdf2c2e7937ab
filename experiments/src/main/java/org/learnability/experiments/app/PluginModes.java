package org.learnability.experiments.app;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import org.learnability.experiments.mode.ExperimentMode;

/**
 * Finds the experiment modes of plugin jars, as DJL finds its engines: every {@link ExperimentMode}
 * a jar lists in {@code META-INF/services/org.learnability.experiments.mode. ExperimentMode}, made
 * by its public no-argument constructor, in the jar's own class loader.
 */
final class PluginModes {

    private PluginModes() {}

    /**
     * Finds the modes.
     *
     * @param loaders the plugin jars' class loaders
     * @return each mode found, by where it was found ({@code jar:name})
     * @throws IllegalArgumentException naming the jar and the class that cannot be made
     */
    static Map<String, ExperimentMode> find(List<ClassLoader> loaders) {
        Map<String, ExperimentMode> found = new LinkedHashMap<>();
        for (ClassLoader loader : loaders) {
            try {
                for (ServiceLoader.Provider<ExperimentMode> p :
                        ServiceLoader.load(ExperimentMode.class, loader).stream().toList()) {
                    if (p.type().getClassLoader() == loader) {
                        ExperimentMode mode = p.get();
                        found.put(loader.getName() + ":" + mode.name(), mode);
                    }
                }
            } catch (ServiceConfigurationError | LinkageError e) {
                throw new IllegalArgumentException(
                        loader.getName() + ": cannot load its modes: " + e.getMessage(), e);
            }
        }
        return found;
    }
}

package org.learnability.api.registry;

import java.io.Closeable;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import org.learnability.api.scores.ClassScores;
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
        PluginDiscovery.Found found = PluginDiscovery.find(parent, pluginsDir);
        return new StrategyRegistry(found.strategies(), found.loaders());
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
        return StrategyParameters.resolve("strategy", spec, info(spec.name()).parameters());
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
        StrategyParameters parameters = parameters(spec);
        String label = "strategy " + spec + " (" + info.origin() + ")";
        WeightStrategy strategy =
                StrategyInfo.call(label, "create()", () -> info.provider().create(parameters));
        return (ClassScores scores, ClassWeights current) -> {
            current.requireSize(scores.numClasses());
            ClassWeights weights;
            try {
                weights = strategy.weights(scores, current);
            } catch (StrategyException e) {
                throw e; // the strategy's own message for scores it cannot weight
            } catch (RuntimeException | LinkageError e) {
                throw new StrategyException(label + ": weights() failed: " + Failures.typed(e), e);
            }
            if (weights == null || weights.size() != scores.numClasses()) {
                throw new StrategyException(
                        label
                                + " returned "
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
        PluginDiscovery.closeAll(pluginLoaders);
    }
}

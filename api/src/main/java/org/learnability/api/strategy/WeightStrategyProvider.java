package org.learnability.api.strategy;

import java.util.List;

/**
 * The service-provider interface of Learnability: one implementation per weighting method, listed
 * in {@code META-INF/services/org.learnability.api.strategy.WeightStrategyProvider} of the jar that
 * holds it and found through {@link java.util.ServiceLoader}, the way DJL finds its engines through
 * {@code ai.djl.engine.EngineProvider}.
 *
 * <p>A provider needs a public no-argument constructor. It declares a name (used in strategy specs
 * such as {@code mean-ratio:gamma=2}) and its parameters; the registry validates a spec against
 * {@link #parameters()} and fills in defaults before calling {@link #create}.
 */
public interface WeightStrategyProvider {

    /**
     * Returns the name used in strategy specs: lower case, digits and dashes.
     *
     * @return the name, e.g. {@code mean-ratio}
     */
    String name();

    /**
     * Returns a one-line description with the formula and its source.
     *
     * @return the description
     */
    String description();

    /**
     * Returns the parameters this strategy takes, with defaults and valid values.
     *
     * @return the parameters, none by default
     */
    default List<ParameterSpec> parameters() {
        return List.of();
    }

    /**
     * Creates the strategy for validated parameters.
     *
     * @param parameters every declared parameter, set or defaulted, already validated
     * @return the strategy
     */
    WeightStrategy create(StrategyParameters parameters);
}

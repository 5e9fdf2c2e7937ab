package org.learnability.api.registry;

import org.learnability.api.strategy.WeightStrategyProvider;

/**
 * A strategy the registry found, with where it came from.
 *
 * @param provider the provider
 * @param source the jar or class-path folder that holds it
 */
public record StrategyInfo(WeightStrategyProvider provider, String source) {

    /**
     * Returns the strategy name.
     *
     * @return the provider's name
     */
    public String name() {
        return provider.name();
    }

    /**
     * Names the provider and its source, for messages.
     *
     * @return e.g. {@code com.example.MyProvider in plugins/my.jar}
     */
    public String origin() {
        return provider.getClass().getName() + " in " + source;
    }
}

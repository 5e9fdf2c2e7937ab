package org.learnability.api.registry;

import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import org.learnability.api.strategy.ParameterSpec;
import org.learnability.api.strategy.StrategyException;
import org.learnability.api.strategy.WeightStrategyProvider;

/**
 * A strategy the registry found, with where it came from, and what its provider declares: its name,
 * description and parameters, each asked for once, when the strategy is found, so that a provider
 * that fails at it fails there, in one line naming the strategy and its jar.
 *
 * @param provider the provider
 * @param source the jar or class-path folder that holds it
 * @param name the strategy name
 * @param description the provider's one-line description
 * @param parameters the parameters it declares
 */
public record StrategyInfo(
        WeightStrategyProvider provider,
        String source,
        String name,
        String description,
        List<ParameterSpec> parameters) {

    /** Takes an immutable copy of the parameters. */
    public StrategyInfo {
        parameters = List.copyOf(parameters);
    }

    /**
     * Asks a provider for its name, description and parameters.
     *
     * @param provider the provider
     * @param source the jar or class-path folder that holds it
     * @return the strategy
     * @throws StrategyException naming the provider, its jar and what failed
     */
    public static StrategyInfo of(WeightStrategyProvider provider, String source) {
        String origin = origin(provider, source);
        String name = call(origin, "name()", provider::name);
        String label = label(name, origin);
        String description = call(label, "description()", provider::description);
        List<ParameterSpec> parameters = call(label, "parameters()", provider::parameters);
        // a ParameterSpec checks its own default: a provider declaring a bad one fails above
        if (parameters.stream().anyMatch(Objects::isNull)) {
            throw new StrategyException(label + ": parameters() holds a null parameter");
        }
        return new StrategyInfo(provider, source, name, description, parameters);
    }

    /**
     * Names the provider and its source, for messages.
     *
     * @return e.g. {@code com.example.MyProvider in plugins/my.jar}
     */
    public String origin() {
        return origin(provider, source);
    }

    /**
     * Names the strategy, its provider and its source, for messages.
     *
     * @return e.g. {@code strategy inverse-tpr (com.example.MyProvider in plugins/my.jar)}
     */
    public String label() {
        return label(name, origin());
    }

    /**
     * Calls into the provider's code, turning any failure into one line that names the strategy,
     * its jar, the call and the cause. A {@link StrategyException} is the strategy's own message
     * for a bad input and passes unchanged.
     *
     * @param label the strategy, e.g. from {@link #label()}
     * @param what the call, e.g. {@code create()}
     * @param call the call
     * @param <T> what it returns
     * @return its result, never null
     * @throws StrategyException if it throws or returns null
     */
    static <T> T call(String label, String what, Supplier<T> call) {
        T result;
        try {
            result = call.get();
        } catch (StrategyException e) {
            throw e; // the strategy's own message for a bad input, which names it
        } catch (RuntimeException | LinkageError e) {
            throw new StrategyException(label + ": " + what + " failed: " + Failures.typed(e), e);
        }
        if (result == null) {
            throw new StrategyException(label + ": " + what + " returned null");
        }
        return result;
    }

    private static String origin(WeightStrategyProvider provider, String source) {
        return provider.getClass().getName() + " in " + source;
    }

    private static String label(String name, String origin) {
        return "strategy " + name + " (" + origin + ")";
    }
}

package org.learnability.api.strategy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A strategy as written on a command line: {@code name} or {@code name:key=value,key=value}, e.g.
 * {@code mean-ratio:gamma=2}. Parsing checks the form only; the registry checks the name, the keys
 * and the values.
 *
 * @param name the strategy name
 * @param parameters the parameters set, in the order written
 */
public record StrategySpec(String name, Map<String, String> parameters) {

    /** Validates the spec and takes an immutable, order-keeping copy of the parameters. */
    public StrategySpec {
        if (name == null || name.isBlank()) {
            throw new StrategyException("a strategy spec needs a name, as in mean-ratio:gamma=2");
        }
        parameters =
                Collections.unmodifiableMap(
                        new LinkedHashMap<>(parameters == null ? Map.of() : parameters));
    }

    /**
     * Parses {@code name} or {@code name:key=value,key=value}.
     *
     * @param text the spec
     * @return the parsed spec
     * @throws StrategyException naming the spec and what is wrong with its form
     */
    public static StrategySpec parse(String text) {
        if (text == null || text.isBlank()) {
            throw new StrategyException(
                    "empty strategy spec; write name or name:key=value,key=value");
        }
        String trimmed = text.trim();
        int colon = trimmed.indexOf(':');
        String name = colon < 0 ? trimmed : trimmed.substring(0, colon).trim();
        Map<String, String> parameters = new LinkedHashMap<>();
        if (colon >= 0) {
            for (String pair : trimmed.substring(colon + 1).split(",", -1)) {
                int eq = pair.indexOf('=');
                String key = eq < 0 ? "" : pair.substring(0, eq).trim();
                String value = eq < 0 ? "" : pair.substring(eq + 1).trim();
                if (key.isEmpty() || value.isEmpty()) {
                    throw new StrategyException(
                            "strategy spec '"
                                    + text
                                    + "': '"
                                    + pair
                                    + "' is not key=value; write name:key=value,key=value");
                }
                if (parameters.put(key, value) != null) {
                    throw new StrategyException(
                            "strategy spec '" + text + "' sets " + key + " twice");
                }
            }
        }
        if (name.isEmpty()) {
            throw new StrategyException("strategy spec '" + text + "' has no name before ':'");
        }
        return new StrategySpec(name, parameters);
    }

    /**
     * Parses a comma-separated list of specs, where a spec's own {@code key=value} pairs are also
     * separated by commas: an item with {@code =} and no {@code :} continues the spec before it.
     * {@code mean-ratio:gamma=2,eps=0.01,difficulty} is {@code mean-ratio:gamma=2,eps=0.01} and
     * {@code difficulty}.
     *
     * @param text the list
     * @return the specs, in order
     * @throws StrategyException if the list is empty or starts with a bare {@code key=value}
     */
    public static List<StrategySpec> parseList(String text) {
        if (text == null || text.isBlank()) {
            throw new StrategyException(
                    "empty list of strategies; write name or name:key=value,... separated by commas");
        }
        List<String> specs = new ArrayList<>();
        for (String item : text.split(",", -1)) {
            String trimmed = item.trim();
            boolean continuation = trimmed.contains("=") && !trimmed.contains(":");
            if (continuation) {
                if (specs.isEmpty()) {
                    throw new StrategyException(
                            "strategy list '"
                                    + text
                                    + "' starts with '"
                                    + trimmed
                                    + "'; a key=value belongs after name:");
                }
                specs.set(specs.size() - 1, specs.get(specs.size() - 1) + "," + trimmed);
            } else {
                specs.add(trimmed);
            }
        }
        return specs.stream().map(StrategySpec::parse).toList();
    }

    /** Returns the spec in its written form, {@code name} or {@code name:key=value,...}. */
    @Override
    public String toString() {
        if (parameters.isEmpty()) {
            return name;
        }
        return name
                + ":"
                + parameters.entrySet().stream()
                        .map(e -> e.getKey() + "=" + e.getValue())
                        .collect(Collectors.joining(","));
    }
}

package org.learnability.api.strategy;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The validated parameters of one strategy: every declared parameter, set by the spec or defaulted.
 * Providers read them in {@link WeightStrategyProvider#create}.
 *
 * @param values parameter name to its value as written
 */
public record StrategyParameters(Map<String, String> values) {

    /** Takes an immutable, order-keeping copy. */
    public StrategyParameters {
        values =
                Collections.unmodifiableMap(
                        new LinkedHashMap<>(values == null ? Map.of() : values));
    }

    /**
     * Returns a parameter as written.
     *
     * @param key the parameter
     * @return its value
     */
    public String text(String key) {
        String value = values.get(key);
        if (value == null) {
            throw new IllegalArgumentException("no parameter '" + key + "' in " + values.keySet());
        }
        return value;
    }

    /**
     * Returns a numeric parameter.
     *
     * @param key the parameter
     * @return its value
     */
    public double number(String key) {
        String value = text(key);
        try {
            return Double.parseDouble(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(
                    "parameter " + key + "=" + value + " is not a number", e);
        }
    }

    /**
     * Tells whether a parameter is set to a given word.
     *
     * @param key the parameter
     * @param word the word
     * @return {@code true} if the value is that word
     */
    public boolean is(String key, String word) {
        return word.equals(text(key));
    }
}

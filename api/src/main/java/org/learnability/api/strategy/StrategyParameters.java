package org.learnability.api.strategy;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
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
     * Validates the parameters a spec sets against the ones declared and fills in the defaults; the
     * messages name the kind of thing ({@code strategy}, {@code loss}) and the name.
     *
     * @param kind what the spec names, for messages, e.g. {@code strategy}
     * @param spec the spec
     * @param declared the parameters declared
     * @return every declared parameter, set or defaulted
     * @throws StrategyException naming the unknown key or the bad value and what is valid
     */
    public static StrategyParameters resolve(
            String kind, StrategySpec spec, List<ParameterSpec> declared) {
        Map<String, ParameterSpec> byName = new LinkedHashMap<>();
        declared.forEach(p -> byName.put(p.name(), p));
        for (String key : spec.parameters().keySet()) {
            if (!byName.containsKey(key)) {
                throw new StrategyException(
                        kind
                                + " "
                                + spec.name()
                                + " has no parameter '"
                                + key
                                + "'; "
                                + (byName.isEmpty()
                                        ? "it takes none"
                                        : "its parameters: " + String.join(", ", byName.keySet())));
            }
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (ParameterSpec p : byName.values()) {
            String value = spec.parameters().getOrDefault(p.name(), p.defaultValue());
            if (!p.accepts(value)) {
                throw new StrategyException(
                        kind
                                + " "
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
     * Tells whether two sets of parameters are the same values, however written: a number equal to
     * a number ({@code 2} and {@code 2.0}), a word to the same word.
     *
     * @param other the other parameters
     * @return {@code true} if both set the same parameters to equal values
     */
    public boolean sameValues(StrategyParameters other) {
        if (!values.keySet().equals(other.values.keySet())) {
            return false;
        }
        return values.entrySet().stream()
                .allMatch(e -> sameValue(e.getValue(), other.values.get(e.getKey())));
    }

    private static boolean sameValue(String a, String b) {
        if (a.equals(b)) {
            return true;
        }
        try {
            return Double.parseDouble(a.trim()) == Double.parseDouble(b.trim());
        } catch (NumberFormatException e) {
            return false;
        }
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

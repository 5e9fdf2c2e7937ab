package org.learnability.api.strategy;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A parameter a strategy declares: its name, what it means, its default and its valid values. A
 * value is valid if it is one of {@link #words()}, or a number inside {@link #range()}.
 *
 * @param name the key used in specs, e.g. {@code gamma}
 * @param description what the parameter does
 * @param defaultValue the value used when a spec does not set it
 * @param range the valid numbers, empty if the parameter takes words only
 * @param words the valid words, e.g. {@code tpr}, {@code f1}; empty if it takes numbers only
 */
public record ParameterSpec(
        String name,
        String description,
        String defaultValue,
        Optional<Range> range,
        Set<String> words) {

    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_-]*");

    /** Validates the declaration, including that the default is itself valid. */
    public ParameterSpec {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException(
                    "parameter name '" + name + "' must match " + NAME.pattern());
        }
        description = description == null ? "" : description;
        range = range == null ? Optional.empty() : range;
        words =
                words == null
                        ? Set.of()
                        : java.util.Collections.unmodifiableSet(new LinkedHashSet<>(words));
        if (range.isEmpty() && words.isEmpty()) {
            throw new IllegalArgumentException("parameter " + name + " accepts no value");
        }
        if (defaultValue == null || !accepts(defaultValue, range, words)) {
            throw new IllegalArgumentException(
                    "default of parameter "
                            + name
                            + " is '"
                            + defaultValue
                            + "'; it must be "
                            + expected(range, words));
        }
    }

    /**
     * A numeric parameter.
     *
     * @param name the key
     * @param description what it does
     * @param defaultValue its default
     * @param range its valid values
     * @return the declaration
     */
    public static ParameterSpec number(
            String name, String description, double defaultValue, Range range) {
        return new ParameterSpec(
                name, description, format(defaultValue), Optional.of(range), Set.of());
    }

    /**
     * A parameter that takes one of a few words.
     *
     * @param name the key
     * @param description what it does
     * @param defaultValue its default, one of {@code words}
     * @param words the valid words
     * @return the declaration
     */
    public static ParameterSpec choice(
            String name, String description, String defaultValue, String... words) {
        return new ParameterSpec(
                name,
                description,
                defaultValue,
                Optional.empty(),
                new LinkedHashSet<>(List.of(words)));
    }

    /**
     * This numeric parameter, also accepting a word, e.g. {@code tau=dynamic}.
     *
     * @param word the word also accepted
     * @return the extended declaration
     */
    public ParameterSpec orWord(String word) {
        Set<String> more = new LinkedHashSet<>(words);
        more.add(word);
        return new ParameterSpec(name, description, defaultValue, range, more);
    }

    /**
     * Tells whether a raw value is valid.
     *
     * @param value the value as written in a spec
     * @return {@code true} if valid
     */
    public boolean accepts(String value) {
        return accepts(value, range, words);
    }

    /**
     * Describes the valid values, e.g. {@code a number in (0, inf) or dynamic}.
     *
     * @return the description
     */
    public String expected() {
        return expected(range, words);
    }

    private static boolean accepts(String value, Optional<Range> range, Set<String> words) {
        if (words.contains(value)) {
            return true;
        }
        if (range.isEmpty()) {
            return false;
        }
        try {
            return range.get().contains(Double.parseDouble(value.trim()));
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static String expected(Optional<Range> range, Set<String> words) {
        String number = range.map(r -> "a number in " + r).orElse("");
        String choice = words.isEmpty() ? "" : "one of " + String.join(", ", words);
        if (number.isEmpty()) {
            return choice;
        }
        return choice.isEmpty() ? number : number + " or " + String.join(", ", words);
    }

    static String format(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15
                ? Long.toString((long) v)
                : Double.toString(v);
    }
}

package org.learnability.runner.model;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The units of an {@link Mlp}'s hidden layers, first to last, written {@code 128} or {@code
 * 256,128}.
 *
 * @param units the units of each hidden layer, each from 1 to {@value #MAX_UNITS}; at least one
 *     layer
 */
public record HiddenSizes(List<Integer> units) {

    /** The default: one hidden layer of 128 units, as {@code cnn-small}'s dense layer. */
    public static final HiddenSizes DEFAULT = new HiddenSizes(List.of(128));

    /** The most units a layer may have: a typing error beyond, not a model. */
    public static final int MAX_UNITS = 65_536;

    private static final String EXPECTED =
            "expected units of each hidden layer, comma-separated whole numbers from 1 to "
                    + MAX_UNITS
                    + ", e.g. 256,128";

    /** Validates the sizes. */
    public HiddenSizes {
        units = List.copyOf(units);
        if (units.isEmpty() || units.stream().anyMatch(u -> u < 1 || u > MAX_UNITS)) {
            throw new IllegalArgumentException(
                    "--hidden-sizes is " + text(units) + "; " + EXPECTED);
        }
    }

    /**
     * Reads the written form.
     *
     * @param text e.g. {@code 256,128}
     * @return the sizes
     * @throws IllegalArgumentException naming the option and what is expected
     */
    public static HiddenSizes parse(String text) {
        List<Integer> units = new ArrayList<>();
        for (String part : text.split(",", -1)) {
            try {
                units.add(Integer.parseInt(part.trim()));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(
                        "--hidden-sizes is '" + text + "'; " + EXPECTED, e);
            }
        }
        return new HiddenSizes(units);
    }

    private static String text(List<Integer> units) {
        return units.stream().map(String::valueOf).collect(Collectors.joining(","));
    }

    /** Returns the written form, e.g. {@code 256,128}. */
    @Override
    public String toString() {
        return text(units);
    }
}

package org.learnability.runner.training;

import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** The command-line names of the settings' enums: the constant's name in lower case. */
final class EnumNames {

    private EnumNames() {}

    /**
     * Parses a name as written on a command line, ignoring case and surrounding blanks.
     *
     * @param type the enum
     * @param what what it is, for the message, e.g. {@code optimizer}
     * @param text the name
     * @param <E> the enum
     * @return the constant
     * @throws IllegalArgumentException naming the known names if none is {@code text}
     */
    static <E extends Enum<E>> E parse(Class<E> type, String what, String text) {
        String wanted = text == null ? null : text.trim().toLowerCase(Locale.ROOT);
        for (E e : type.getEnumConstants()) {
            if (name(e).equals(wanted)) {
                return e;
            }
        }
        String known =
                Stream.of(type.getEnumConstants())
                        .map(EnumNames::name)
                        .collect(Collectors.joining(", "));
        throw new IllegalArgumentException(
                "unknown " + what + " '" + text + "'; expected one of " + known);
    }

    private static String name(Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT);
    }
}

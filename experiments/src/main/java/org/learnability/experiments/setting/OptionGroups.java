package org.learnability.experiments.setting;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Groups of options known only at run time, each a record of {@link Setting} components: every
 * experiment mode's own options, however the mode was registered (a plugin jar's too). A plan holds
 * one of each group its schema knows, whether or not it runs the mode, so that {@code plan.json}
 * names every option; {@link Settings} reads and writes them beside the plan's own.
 *
 * @param groups the groups' values, by type, in the schema's order
 */
public record OptionGroups(Map<Class<? extends Record>, Record> groups) {

    /** No groups. */
    public static final OptionGroups NONE = new OptionGroups(Map.of());

    /** Takes an ordered immutable copy, checking each value is of its type. */
    public OptionGroups {
        Map<Class<? extends Record>, Record> copy = new LinkedHashMap<>();
        groups.forEach(
                (type, value) -> {
                    if (!type.isInstance(value)) {
                        throw new IllegalArgumentException(value + " is not a " + type.getName());
                    }
                    copy.put(type, value);
                });
        groups = java.util.Collections.unmodifiableMap(copy);
    }

    /**
     * Returns one group's values.
     *
     * @param type the group
     * @param <S> its type
     * @return its values
     * @throws IllegalArgumentException if there is no such group
     */
    public <S extends Record> S get(Class<S> type) {
        Record value = groups.get(type);
        if (value == null) {
            throw new IllegalArgumentException(
                    "no mode registered declares the options " + type.getName());
        }
        return type.cast(value);
    }

    /**
     * Returns one group's values, or its declared defaults where the plan holds none (a plan made
     * without the application's schema).
     *
     * @param type the group
     * @param <S> its type
     * @return its values
     */
    public <S extends Record> S getOrDefaults(Class<S> type) {
        return groups.containsKey(type) ? get(type) : Settings.defaults(type);
    }

    /**
     * Returns the groups' types.
     *
     * @return them, in order
     */
    public List<Class<? extends Record>> types() {
        return List.copyOf(groups.keySet());
    }
}

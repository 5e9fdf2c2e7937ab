package org.learnability.runner.registry;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The things of one kind known by name, in the order they were registered: what a Guice {@code
 * MapBinder} of that kind holds. Names are matched ignoring case and surrounding blanks; an unknown
 * name is one line that lists the known ones, so help texts and errors never keep a list of their
 * own.
 *
 * @param <T> the kind
 */
public final class Registry<T extends Named> {

    private final String kind;
    private final String knownPhrase;
    private final Map<String, T> byName;

    /**
     * Creates a registry.
     *
     * @param kind what the things are, singular, for messages, e.g. {@code model}
     * @param knownPhrase what precedes the list of names in an error, e.g. {@code known models:}
     * @param entries the things by name, in registration order
     * @throws IllegalArgumentException if a thing's own name differs from its key, or two names
     *     differ only in case
     */
    public Registry(String kind, String knownPhrase, Map<String, ? extends T> entries) {
        this.kind = kind;
        this.knownPhrase = knownPhrase;
        this.byName = new LinkedHashMap<>();
        entries.forEach(this::add);
    }

    private Registry(String kind, String knownPhrase, List<? extends T> things) {
        this.kind = kind;
        this.knownPhrase = knownPhrase;
        this.byName = new LinkedHashMap<>();
        things.forEach(thing -> add(thing.name(), thing));
    }

    private void add(String name, T thing) {
        if (!key(name).equals(key(thing.name()))) {
            throw new IllegalArgumentException(
                    kind + " '" + thing.name() + "' is registered as '" + name + "'");
        }
        if (byName.putIfAbsent(key(name), thing) != null) {
            throw new IllegalArgumentException(
                    "two " + kind + "s are named '" + thing.name() + "'");
        }
    }

    /**
     * Creates a registry of the given things, keyed by their names.
     *
     * @param kind what the things are, singular
     * @param knownPhrase what precedes the list of names in an error
     * @param things the things, in order
     * @param <T> the kind
     * @return the registry
     */
    public static <T extends Named> Registry<T> of(
            String kind, String knownPhrase, List<? extends T> things) {
        return new Registry<>(kind, knownPhrase, things);
    }

    /**
     * Returns the thing of a name.
     *
     * @param name the name, any case
     * @return the thing
     * @throws IllegalArgumentException {@code unknown model 'x'; known models: a, b, c}
     */
    public T get(String name) {
        T thing = name == null ? null : byName.get(key(name));
        if (thing == null) {
            throw new IllegalArgumentException(
                    "unknown " + kind + " '" + name + "'; " + knownPhrase + " " + names(", "));
        }
        return thing;
    }

    /**
     * Returns the known names, in registration order.
     *
     * @return the names
     */
    public List<String> names() {
        return all().stream().map(Named::name).toList();
    }

    /**
     * Returns the known names joined by a separator, for help texts.
     *
     * @param separator e.g. {@code ", "}
     * @return e.g. {@code cnn-small, resnet-peifer, resnet20}
     */
    public String names(String separator) {
        return String.join(separator, names());
    }

    /**
     * Returns everything registered, in registration order.
     *
     * @return the things
     */
    public List<T> all() {
        return List.copyOf(new ArrayList<>(byName.values()));
    }

    /**
     * Returns one line per thing: its name, padded, and its description.
     *
     * @return the lines, joined by newlines
     */
    public String listing() {
        int width = names().stream().mapToInt(String::length).max().orElse(0);
        return all().stream()
                .map(
                        t ->
                                String.format(
                                        Locale.ROOT,
                                        "%-" + width + "s  %s",
                                        t.name(),
                                        t.description()))
                .collect(Collectors.joining("\n"));
    }

    private static String key(String name) {
        return name.trim().toLowerCase(Locale.ROOT);
    }
}

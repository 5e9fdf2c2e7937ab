package org.learnability.runner.model;

import ai.djl.nn.Block;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Builds a model's {@link Block} by name, for the number of classes and the image shape of a data
 * set (CIFAR-10 {@code 3x32x32}, Fashion-MNIST {@code 1x28x28}). Names are matched ignoring case;
 * an unknown name gives one line listing the known ones.
 */
public final class ModelFactory {

    private final Map<String, ModelArchitecture> architectures;

    /**
     * Creates a factory over the given architectures.
     *
     * @param architectures the architectures, with distinct names
     */
    public ModelFactory(List<? extends ModelArchitecture> architectures) {
        Map<String, ModelArchitecture> byName = new TreeMap<>();
        for (ModelArchitecture architecture : architectures) {
            String key = key(architecture.name());
            if (byName.putIfAbsent(key, architecture) != null) {
                throw new IllegalArgumentException(
                        "two models are named '" + architecture.name() + "'");
            }
        }
        this.architectures = Map.copyOf(byName);
    }

    /**
     * The factory over the built-in models: {@value CnnSmall#NAME}, {@value ResNetPeifer#NAME} and
     * {@value ResNet20#NAME}.
     *
     * @return the factory
     */
    public static ModelFactory builtIn() {
        return new ModelFactory(List.of(new CnnSmall(), new ResNetPeifer(), new ResNet20()));
    }

    /**
     * Returns the known model names, sorted.
     *
     * @return the names
     */
    public List<String> names() {
        return architectures().stream().map(ModelArchitecture::name).toList();
    }

    /**
     * Returns the known architectures, sorted by name.
     *
     * @return the architectures
     */
    public List<ModelArchitecture> architectures() {
        return architectures.values().stream()
                .sorted(Comparator.comparing(ModelArchitecture::name))
                .toList();
    }

    /**
     * Returns one line per model: its name and its description.
     *
     * @return the lines, joined by newlines
     */
    public String listing() {
        int width = names().stream().mapToInt(String::length).max().orElse(0);
        return architectures().stream()
                .map(
                        a ->
                                String.format(
                                        Locale.ROOT,
                                        "%-" + width + "s  %s",
                                        a.name(),
                                        a.description()))
                .collect(Collectors.joining("\n"));
    }

    /**
     * Returns the architecture of the given name.
     *
     * @param name the model name, any case
     * @return the architecture
     * @throws IllegalArgumentException {@code unknown model 'x'; known models: a, b, c}
     */
    public ModelArchitecture architecture(String name) {
        ModelArchitecture architecture = name == null ? null : architectures.get(key(name));
        if (architecture == null) {
            throw new IllegalArgumentException(
                    "unknown model '" + name + "'; known models: " + String.join(", ", names()));
        }
        return architecture;
    }

    /**
     * Builds a new, untrained block of the named model.
     *
     * @param name the model name, any case
     * @param input the shape of one input image
     * @param numClasses the number of classes
     * @return the block
     * @throws IllegalArgumentException if the name is unknown, or the shape or the number of
     *     classes does not fit the model
     */
    public Block build(String name, ImageShape input, int numClasses) {
        return architecture(name).build(input, numClasses);
    }

    private static String key(String name) {
        return name.trim().toLowerCase(Locale.ROOT);
    }
}

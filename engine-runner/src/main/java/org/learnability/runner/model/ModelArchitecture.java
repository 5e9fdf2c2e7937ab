package org.learnability.runner.model;

import ai.djl.nn.Block;

/**
 * One model architecture known by name: builds an untrained DJL {@link Block} that maps a batch of
 * images {@code (N, C, H, W)} float32 to logits {@code (N, classes)}. The block runs on every DJL
 * engine; its parameters are initialised when a trainer (or {@link Block#initialize}) first sees
 * the input shape.
 */
public interface ModelArchitecture {

    /**
     * Returns the name by which the model is chosen, e.g. {@code resnet-peifer}.
     *
     * @return the name, lower case
     */
    String name();

    /**
     * Returns a one-line description of the architecture.
     *
     * @return the description
     */
    String description();

    /**
     * Builds a new, untrained block.
     *
     * @param input the shape of one input image
     * @param numClasses the number of classes, {@code >= 2}
     * @return the block
     * @throws IllegalArgumentException naming the model and what it expects if the input shape or
     *     the number of classes does not fit the architecture
     */
    Block build(ImageShape input, int numClasses);
}

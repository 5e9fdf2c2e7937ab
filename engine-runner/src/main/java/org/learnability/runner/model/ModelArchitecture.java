package org.learnability.runner.model;

import ai.djl.nn.Block;
import org.learnability.runner.registry.Named;

/**
 * One model architecture known by name: builds an untrained DJL {@link Block} that maps a batch of
 * images {@code (N, C, H, W)} float32 to logits {@code (N, classes)}. The block runs on every DJL
 * engine; its parameters are initialised when a trainer (or {@link Block#initialize}) first sees
 * the input shape. A new architecture is one class implementing this and one {@code MapBinder} line
 * in {@code ModelModule}.
 */
public interface ModelArchitecture extends Named {

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

    /**
     * Names the architecture's head: the final dense layer, the last block of what {@link #build}
     * returns, which classifier re-training (Kang et al., "Decoupling Representation and Classifier
     * for Long-Tailed Recognition", ICLR 2020) trains again on the features the blocks before it
     * compute; {@code HeadSplit} finds it.
     *
     * @return e.g. {@code dense 128 -> classes, after a ReLU}
     */
    String head();

    /**
     * Returns what the architecture takes: images, or a table's rows ({@code features x 1 x 1}).
     *
     * @return {@link InputKind#IMAGES} unless the architecture says otherwise
     */
    default InputKind input() {
        return InputKind.IMAGES;
    }
}

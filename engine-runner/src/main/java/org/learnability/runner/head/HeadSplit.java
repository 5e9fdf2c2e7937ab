package org.learnability.runner.head;

import ai.djl.ndarray.NDList;
import ai.djl.nn.Block;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import java.util.List;

/**
 * A model's block cut before its head: the layers that compute the features, and the final dense
 * layer ({@code ModelArchitecture.head()} names it for each architecture) that maps them to logits,
 * {@code logits = W f + b}. Every registered architecture is a {@link SequentialBlock} ending in a
 * {@link Linear}.
 */
public final class HeadSplit {

    private final List<Block> body;
    private final Linear head;

    private HeadSplit(List<Block> body, Linear head) {
        this.body = body;
        this.head = head;
    }

    /**
     * Cuts a model's block.
     *
     * @param block the block an architecture built
     * @param architecture its name, for the error
     * @return the feature layers and the head
     * @throws IllegalArgumentException if the block is not a sequence ending in a dense layer
     */
    public static HeadSplit of(Block block, String architecture) {
        if (block instanceof SequentialBlock sequence) {
            List<Block> children = sequence.getChildren().values();
            if (children.size() >= 2 && children.get(children.size() - 1) instanceof Linear last) {
                return new HeadSplit(List.copyOf(children.subList(0, children.size() - 1)), last);
            }
        }
        throw new IllegalArgumentException(
                "model "
                        + architecture
                        + " does not end in a dense layer after a sequence of layers; classifier"
                        + " re-training (--mode head) needs its final layer to be a Linear block");
    }

    /**
     * Computes the features of a batch in inference mode: the layers before the head.
     *
     * @param parameters the parameter store
     * @param input the images
     * @return the features, {@code (B, D)}
     */
    public NDList features(ParameterStore parameters, NDList input) {
        NDList current = input;
        for (Block layer : body) {
            current = layer.forward(parameters, current, false);
        }
        return current;
    }

    /** Returns the head, the final dense layer. */
    public Linear head() {
        return head;
    }
}

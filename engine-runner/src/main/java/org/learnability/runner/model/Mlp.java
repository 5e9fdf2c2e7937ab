package org.learnability.runner.model;

import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.Blocks;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;

/**
 * {@value #NAME}: a multilayer perceptron for tables, a row of F standardised features in, logits
 * out:
 *
 * <pre>
 *   flatten (F) -&gt; [dense h_i -&gt; ReLU] for each hidden size h_i -&gt; dense classes (logits)
 * </pre>
 *
 * A DJL {@link SequentialBlock} whose last child is the final dense layer. Takes a table only
 * ({@code F x 1 x 1}, {@link InputKind#TABLE}); the image models refuse a table. Parameters with
 * the default one hidden layer of 128: {@code (F + 1) 128 + (128 + 1) classes}, 9,610 for 64
 * features and 10 classes.
 *
 * @param hidden the units of the hidden layers
 */
public record Mlp(HiddenSizes hidden) implements ModelArchitecture {

    /** The model's name. */
    public static final String NAME = "mlp";

    /** The model with {@link HiddenSizes#DEFAULT}, as the registry holds it. */
    public Mlp() {
        this(HiddenSizes.DEFAULT);
    }

    /** Validates the record. */
    public Mlp {
        if (hidden == null) {
            throw new IllegalArgumentException("--hidden-sizes must be given");
        }
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "multilayer perceptron for tables (--dataset csv): dense layers of --hidden-sizes"
                + " with ReLU, dense classes";
    }

    @Override
    public String head() {
        return "the last dense layer, hidden -> classes, after the last hidden layer's ReLU (as"
                + " many features as the last hidden size)";
    }

    @Override
    public InputKind input() {
        return InputKind.TABLE;
    }

    @Override
    public Block build(ImageShape input, int numClasses) {
        Requirements.classes(NAME, numClasses);
        if (input.height() != 1 || input.width() != 1) {
            throw new IllegalArgumentException(
                    "model '"
                            + NAME
                            + "' is for tables (features x 1 x 1), not images of "
                            + input
                            + "; choose an image model");
        }
        SequentialBlock block = new SequentialBlock().add(Blocks.batchFlattenBlock());
        for (int units : hidden.units()) {
            block.add(Linear.builder().setUnits(units).build()).add(Activation.reluBlock());
        }
        return block.add(Linear.builder().setUnits(numClasses).build());
    }
}

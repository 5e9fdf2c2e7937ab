package org.learnability.runner.model;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.Blocks;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.nn.pooling.Pool;

/**
 * {@value #NAME}: a small plain CNN for Fashion-MNIST and quick runs, in the style of the classic
 * MNIST tutorial network:
 *
 * <pre>
 *   conv 5x5, 32, padding 2 -&gt; ReLU -&gt; max-pool 2
 *   conv 5x5, 64, padding 2 -&gt; ReLU -&gt; max-pool 2
 *   flatten -&gt; dense 128 -&gt; ReLU -&gt; dense classes (logits)
 * </pre>
 *
 * The padded convolutions keep the size, so the first dense layer sees {@code 64 * (H/4) * (W/4)}
 * features (3,136 on Fashion-MNIST's 28x28, 4,096 on CIFAR-10's 32x32). Any number of channels; at
 * least 4x4 pixels. Parameters: 454,922 on 1x28x28 with 10 classes, 579,402 on 3x32x32.
 */
public final class CnnSmall implements ModelArchitecture {

    /** The model's name. */
    public static final String NAME = "cnn-small";

    /** The least height and width: two 2x2 poolings. */
    static final int MIN_SIZE = 4;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "small CNN (2x conv5x5+ReLU+pool, dense 128, dense classes) for Fashion-MNIST and quick runs";
    }

    @Override
    public String head() {
        return "dense 128 -> classes, after the ReLU of the first dense layer (128 features)";
    }

    @Override
    public Block build(ImageShape input, int numClasses) {
        Requirements.classes(NAME, numClasses);
        Requirements.minSize(NAME, input, MIN_SIZE, "two 2x2 max-pools");
        return new SequentialBlock()
                .add(conv5x5(32))
                .add(Activation.reluBlock())
                .add(Pool.maxPool2dBlock(new Shape(2, 2)))
                .add(conv5x5(64))
                .add(Activation.reluBlock())
                .add(Pool.maxPool2dBlock(new Shape(2, 2)))
                .add(Blocks.batchFlattenBlock())
                .add(Linear.builder().setUnits(128).build())
                .add(Activation.reluBlock())
                .add(Linear.builder().setUnits(numClasses).build());
    }

    private static Block conv5x5(int filters) {
        return Conv2d.builder()
                .setKernelShape(new Shape(5, 5))
                .optPadding(new Shape(2, 2))
                .setFilters(filters)
                .build();
    }
}

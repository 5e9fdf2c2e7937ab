package org.learnability.runner.model;

import ai.djl.basicmodelzoo.cv.classification.ResNetV1;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;

/**
 * {@value #NAME}: DJL's built-in {@link ResNetV1} at depth 20, the CIFAR ResNet of He et al., "Deep
 * Residual Learning for Image Recognition" (2016), section 4.2:
 *
 * <pre>
 *   conv3x3 16 (no bias)
 *   3 stages of 3 residual units, 16 / 32 / 64 channels, stride 1 / 2 / 2;
 *     unit: conv3x3-BN-ReLU-conv3x3-BN, plus the shortcut, then ReLU;
 *     the shortcut is the identity, except in each stage's first unit: conv1x1 (stride) + BN
 *   global average pool -&gt; dense classes (logits)
 * </pre>
 *
 * <p>DJL's builder uses the image shape only to choose a layout: this CIFAR layout (6n+2 layers,
 * 16/32/64 filters) when the height is at most 28, else the ImageNet one, which has no depth 20.
 * The network itself ends in global average pooling and runs on any size, so this class tells the
 * builder 28x28 and the block takes CIFAR-10's 32x32 (or Fashion-MNIST's 28x28, any channels; at
 * least 8x8 pixels). Parameters on 3x32x32 with 10 classes: 272,730 trainable plus 1,568 BN running
 * statistics.
 */
public final class ResNet20 implements ModelArchitecture {

    /** The model's name. */
    public static final String NAME = "resnet20";

    /** The depth. */
    static final int DEPTH = 20;

    /** The least height and width: two stride-2 stages leave at least 2x2 for the last one. */
    static final int MIN_SIZE = 8;

    /** The largest image height for which DJL's builder chooses the CIFAR layout. */
    private static final int CIFAR_LAYOUT_HEIGHT = 28;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "DJL's ResNetV1 at depth 20 (CIFAR layout, 16/32/64 channels, 0.27M parameters) for stronger CIFAR-10 runs";
    }

    @Override
    public String head() {
        return "dense 64 -> classes, after the global average pool (64 features)";
    }

    @Override
    public Block build(ImageShape input, int numClasses) {
        Requirements.classes(NAME, numClasses);
        Requirements.minSize(NAME, input, MIN_SIZE, "two stride-2 stages");
        return ResNetV1.builder()
                .setImageShape(
                        new Shape(input.channels(), CIFAR_LAYOUT_HEIGHT, CIFAR_LAYOUT_HEIGHT))
                .setNumLayers(DEPTH)
                .setOutSize(numClasses)
                .build();
    }
}

package org.learnability.runner.model;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.Blocks;
import ai.djl.nn.ParallelBlock;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.nn.norm.Dropout;
import ai.djl.nn.pooling.Pool;
import java.util.List;

/**
 * {@value #NAME}: the source paper's residual CNN for CIFAR-10, as in its experiment code ({@code
 * experiments/cnn-experiment/model.py} of hollowcodes/thi-research-proposal):
 *
 * <pre>
 *   stage(32):  a = BN(conv3x3 32 (x)),  y = max-pool 2 (ReLU(BN(conv3x3 32 (a)) + a))
 *   stage(64):  the same with 64 channels
 *   conv3x3 128, no padding -&gt; BN -&gt; ReLU -&gt; max-pool 2
 *   flatten -&gt; dense 256 -&gt; ReLU -&gt; dropout 0.5 -&gt; dense classes (logits)
 * </pre>
 *
 * <p><b>The residual add.</b> In each stage the skip connection starts at the output of the stage's
 * first conv+BN, not at the stage's input, and ends at the output of its second conv+BN; both have
 * the stage's channel count, so the 32-to-64 step needs no 1x1 projection. This is what the paper's
 * code does ({@code x1 = bn1(conv1(x)); x = bn2(conv2(x1)) + x1}). That code also computes {@code
 * relu(x1)} but feeds {@code x1} itself to the second convolution, so there is no ReLU between the
 * two conv+BN of a stage; this class keeps that, to reproduce the paper's baseline. Convolutions
 * have a bias (PyTorch's default); BN uses epsilon 1e-5 and running-stat momentum 0.9 (PyTorch's
 * 0.1 in DJL's convention).
 *
 * <p>With CIFAR-10's 3x32x32 the sizes run 32 -&gt; 16 -&gt; 8 -&gt; 6 -&gt; 3, so the first dense
 * layer sees 128 * 3 * 3 = 1,152 features, as in the paper. Other shapes work too (any number of
 * channels, at least 16x16 pixels; Fashion-MNIST's 28x28 gives 128 * 2 * 2). Parameters on 3x32x32
 * with 10 classes: 437,802 trainable (as PyTorch counts the paper's model) plus 640 BN running
 * statistics.
 */
public final class ResNetPeifer implements ModelArchitecture {

    /** The model's name. */
    public static final String NAME = "resnet-peifer";

    /** The least height and width: two pools, an unpadded 3x3 conv, and a third pool. */
    static final int MIN_SIZE = 16;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "the source paper's residual CNN for CIFAR-10 (2 residual stages 32/64, conv 128, dense 256, dropout 0.5)";
    }

    @Override
    public String head() {
        return "dense 256 -> classes, after ReLU and dropout 0.5 (256 features; dropout is off when features are computed, as in scoring)";
    }

    @Override
    public Block build(ImageShape input, int numClasses) {
        Requirements.classes(NAME, numClasses);
        Requirements.minSize(
                NAME,
                input,
                MIN_SIZE,
                "two 2x2 max-pools, an unpadded 3x3 conv and a third max-pool");
        return new SequentialBlock()
                .add(residualStage(32))
                .add(residualStage(64))
                .add(conv3x3(128, 0))
                .add(batchNorm())
                .add(Activation.reluBlock())
                .add(Pool.maxPool2dBlock(new Shape(2, 2)))
                .add(Blocks.batchFlattenBlock())
                .add(Linear.builder().setUnits(256).build())
                .add(Activation.reluBlock())
                .add(Dropout.builder().optRate(0.5f).build())
                .add(Linear.builder().setUnits(numClasses).build());
    }

    /**
     * One residual stage: {@code a = BN(conv(x)); max-pool 2 (ReLU(BN(conv(a)) + a))}.
     *
     * @param channels the stage's channels
     * @return the stage
     */
    private static Block residualStage(int channels) {
        Block branch = new SequentialBlock().add(conv3x3(channels, 1)).add(batchNorm());
        Block residual =
                new ParallelBlock(ResNetPeifer::sum, List.of(branch, Blocks.identityBlock()));
        return new SequentialBlock()
                .add(conv3x3(channels, 1))
                .add(batchNorm())
                .add(residual)
                .add(Activation.reluBlock())
                .add(Pool.maxPool2dBlock(new Shape(2, 2)));
    }

    private static NDList sum(List<NDList> branches) {
        return new NDList(
                branches.get(0).singletonOrThrow().add(branches.get(1).singletonOrThrow()));
    }

    private static Block conv3x3(int filters, int padding) {
        return Conv2d.builder()
                .setKernelShape(new Shape(3, 3))
                .optPadding(new Shape(padding, padding))
                .setFilters(filters)
                .build();
    }

    private static Block batchNorm() {
        return BatchNorm.builder().optEpsilon(1e-5f).optMomentum(0.9f).build();
    }
}

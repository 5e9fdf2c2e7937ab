package org.learnability.runner.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.LambdaBlock;
import ai.djl.nn.SequentialBlock;

/**
 * A DJL architecture whose input is turned into the channels-last memory format by NDArray
 * operations in every forward, the only way DJL's API reaches memory formats: {@code (N, C, H, W)}
 * transposed to {@code (N, H, W, C)}, copied contiguous by a reshape to {@code (N, H W C)}, shaped
 * back and transposed to {@code (N, C, H, W)}: the same logical array, its channels adjacent in
 * memory. On DJL's PyTorch engine these are views except the one copy, and a convolution of such an
 * input computes channels-last (oneDNN's choice follows the input's format), and so does every
 * layer after it. The logits are the wrapped network's, up to the order of float sums; its
 * parameters are the same. Measured on {@code resnet-peifer}, 2 threads, an AVX2 CPU: 1.25x the
 * training images/s of the same network in DJL's default format (BENCHMARKS.md, issue 31). On MXNet
 * the operations are copies that change nothing but the time. The name is the architecture's with
 * {@value #SUFFIX}.
 */
public final class ChannelsLastInput implements ModelArchitecture {

    /** Appended to the wrapped architecture's name. */
    public static final String SUFFIX = "-nhwc";

    private final ModelArchitecture architecture;

    /**
     * Wraps an architecture.
     *
     * @param architecture the network after the conversion
     */
    public ChannelsLastInput(ModelArchitecture architecture) {
        this.architecture = architecture;
    }

    @Override
    public String name() {
        return architecture.name() + SUFFIX;
    }

    @Override
    public String description() {
        return architecture.description() + ", its input made channels-last in every forward";
    }

    @Override
    public String head() {
        return architecture.head();
    }

    @Override
    public Block build(ImageShape input, int numClasses) {
        SequentialBlock block =
                new SequentialBlock()
                        .add(new LambdaBlock(ChannelsLastInput::channelsLast, "channelsLast"));
        Block network;
        try {
            network = architecture.build(input, numClasses);
        } catch (IllegalArgumentException e) {
            // the wrapped network's own check, said of the name the user gave
            String wrapped = "model '" + architecture.name() + "'";
            throw new IllegalArgumentException(
                    e.getMessage().replace(wrapped, "model '" + name() + "'"), e);
        }
        if (network instanceof SequentialBlock layers) {
            // flat, so that the network's last dense layer stays the last block (HeadSplit)
            layers.getChildren().values().forEach(block::add);
        } else {
            block.add(network);
        }
        return block;
    }

    private static NDList channelsLast(NDList inputs) {
        NDArray x = inputs.singletonOrThrow();
        Shape s = x.getShape();
        long n = s.get(0);
        NDArray nhwc = x.transpose(0, 2, 3, 1).reshape(n, s.get(2) * s.get(3) * s.get(1));
        return new NDList(nhwc.reshape(n, s.get(2), s.get(3), s.get(1)).transpose(0, 3, 1, 2));
    }
}

package org.learnability.experiments.bench;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.LambdaBlock;
import ai.djl.nn.SequentialBlock;
import org.learnability.runner.model.ImageShape;
import org.learnability.runner.model.ModelArchitecture;

/**
 * A DJL architecture whose input is turned into the channels-last memory format by NDArray
 * operations in every forward, the only way DJL's API reaches memory formats: {@code (N, C, H, W)}
 * transposed to {@code (N, H, W, C)}, copied contiguous by a reshape to {@code (N, H W C)}, shaped
 * back and transposed to {@code (N, C, H, W)}: the same logical array, its channels adjacent in
 * memory. On DJL's PyTorch engine these are views except the one copy, and a convolution of such an
 * input computes channels-last (oneDNN's choice follows the input's format). The name is the
 * architecture's with {@value #SUFFIX}.
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
        return new SequentialBlock()
                .add(new LambdaBlock(ChannelsLastInput::channelsLast, "channelsLast"))
                .addAll(architecture.build(input, numClasses));
    }

    private static NDList channelsLast(NDList inputs) {
        NDArray x = inputs.singletonOrThrow();
        Shape s = x.getShape();
        long n = s.get(0);
        NDArray nhwc = x.transpose(0, 2, 3, 1).reshape(n, s.get(2) * s.get(3) * s.get(1));
        return new NDList(nhwc.reshape(n, s.get(2), s.get(3), s.get(1)).transpose(0, 3, 1, 2));
    }
}

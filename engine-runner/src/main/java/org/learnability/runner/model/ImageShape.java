package org.learnability.runner.model;

import ai.djl.ndarray.types.Shape;

/**
 * The shape of one input image, channels first ({@code C x H x W}), as a model sees it: a batch is
 * {@code (N, C, H, W)} float32.
 *
 * @param channels the number of channels, {@code >= 1}
 * @param height the height in pixels, {@code >= 1}
 * @param width the width in pixels, {@code >= 1}
 */
public record ImageShape(int channels, int height, int width) {

    /** CIFAR-10: 32x32 RGB. */
    public static final ImageShape CIFAR10 = new ImageShape(3, 32, 32);

    /** Fashion-MNIST: 28x28 grey. */
    public static final ImageShape FASHION_MNIST = new ImageShape(1, 28, 28);

    /** Validates the record. */
    public ImageShape {
        if (channels < 1 || height < 1 || width < 1) {
            throw new IllegalArgumentException(
                    "image shape "
                            + channels
                            + "x"
                            + height
                            + "x"
                            + width
                            + " has a size below 1; expected C x H x W, each >= 1");
        }
    }

    /**
     * The image shape of a DJL shape {@code (C, H, W)}.
     *
     * @param chw the shape, three dimensions
     * @return the image shape
     */
    public static ImageShape of(Shape chw) {
        if (chw.dimension() != 3) {
            throw new IllegalArgumentException(
                    "image shape "
                            + chw
                            + " has "
                            + chw.dimension()
                            + " dimensions; expected (C, H, W)");
        }
        return new ImageShape(
                Math.toIntExact(chw.get(0)),
                Math.toIntExact(chw.get(1)),
                Math.toIntExact(chw.get(2)));
    }

    /**
     * Returns the DJL shape of one image.
     *
     * @return {@code (C, H, W)}
     */
    public Shape toShape() {
        return new Shape(channels, height, width);
    }

    /**
     * Returns the DJL shape of a batch of images.
     *
     * @param batchSize the number of images
     * @return {@code (N, C, H, W)}
     */
    public Shape batch(long batchSize) {
        return new Shape(batchSize, channels, height, width);
    }

    /** Returns {@code CxHxW}, e.g. {@code 3x32x32}. */
    @Override
    public String toString() {
        return channels + "x" + height + "x" + width;
    }
}

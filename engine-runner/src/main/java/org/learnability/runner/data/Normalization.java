package org.learnability.runner.data;

import ai.djl.basicdataset.cv.classification.Cifar10;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import java.util.Arrays;

/**
 * Per-channel normalisation of pixel values 0 to 255:
 *
 * <pre>
 *   x' = (x / 255 - mean_c) / std_c
 * </pre>
 *
 * with {@code mean} and {@code std} on the 0-to-1 scale. {@link DataSplits} by default fits them on
 * the training split ({@link #fit}: population mean and standard deviation of every pixel of the
 * channel, validation and test images excluded); {@link #cifar10Published()} gives the constants
 * DJL publishes for CIFAR-10.
 *
 * @param mean per-channel mean, 0 to 1 scale
 * @param std per-channel standard deviation, 0 to 1 scale, greater than 0
 */
public record Normalization(float[] mean, float[] std) {

    private static final int CHUNK = 4096;

    /** Validates and copies the values. */
    public Normalization {
        if (mean.length == 0 || mean.length != std.length) {
            throw new IllegalArgumentException(
                    "normalisation has "
                            + mean.length
                            + " means and "
                            + std.length
                            + " standard deviations; expected one of each per channel");
        }
        for (int c = 0; c < std.length; c++) {
            if (!Float.isFinite(mean[c]) || !Float.isFinite(std[c]) || std[c] <= 0) {
                throw new DataException(
                        "channel "
                                + c
                                + " has mean "
                                + mean[c]
                                + " and standard deviation "
                                + std[c]
                                + "; expected finite values and a standard deviation above 0");
            }
        }
        mean = mean.clone();
        std = std.clone();
    }

    /**
     * Returns DJL's published CIFAR-10 constants ({@code Cifar10.NORMALIZE_MEAN} and {@code
     * NORMALIZE_STD}): mean (0.4914, 0.4822, 0.4465), std (0.2023, 0.1994, 0.2010).
     *
     * @return the normalisation
     */
    public static Normalization cifar10Published() {
        return new Normalization(Cifar10.NORMALIZE_MEAN, Cifar10.NORMALIZE_STD);
    }

    /**
     * Fits mean and standard deviation per channel on the chosen images of a raw set. Per-image
     * channel sums of pixels and of squared pixels come from the engine in slices of images
     * (float32 sums of whole-number pixels: exact, or within a relative 1e-7 for the squares); Java
     * adds those of the chosen images in float64.
     *
     * @param raw images with pixel values 0 to 255
     * @param indices the images to fit on
     * @return the normalisation
     */
    static Normalization fit(ImageSet raw, long[] indices) {
        return fit(raw, indices, false);
    }

    /**
     * Fits mean and standard deviation per channel as {@link #fit(ImageSet, long[])} does; for a
     * table ({@code features x 1 x 1}: a channel is a feature) a feature that is constant on the
     * training split keeps a standard deviation of 1 rather than being refused, so that it becomes
     * 0 everywhere it has the training value, as scikit-learn's {@code StandardScaler} does.
     *
     * @param raw the raw images or rows
     * @param indices the images to fit on
     * @param table whether the channels are a table's features
     * @return the normalisation
     */
    static Normalization fit(ImageSet raw, long[] indices, boolean table) {
        if (indices.length == 0) {
            throw new DataException("cannot fit a normalisation on an empty training split");
        }
        if (table) {
            return fitTable(raw, indices);
        }
        int n = raw.size();
        int channels = Math.toIntExact(raw.imageShape().get(0));
        boolean[] chosen = new boolean[n];
        for (long i : indices) {
            chosen[Math.toIntExact(i)] = true;
        }
        double[] sum = new double[channels];
        double[] squares = new double[channels];
        int[] pixelAxes = {2, 3};
        for (int from = 0; from < n; from += CHUNK) {
            int to = Math.min(n, from + CHUNK);
            try (NDManager scratch = raw.images().getManager().newSubManager()) {
                NDArray x = raw.images().get(scratch, new NDIndex().addSliceDim(from, to));
                float[] s = x.sum(pixelAxes).toFloatArray();
                float[] q = x.square().sum(pixelAxes).toFloatArray();
                for (int i = from; i < to; i++) {
                    if (chosen[i]) {
                        for (int c = 0; c < channels; c++) {
                            sum[c] += s[(i - from) * channels + c];
                            squares[c] += q[(i - from) * channels + c];
                        }
                    }
                }
            }
        }
        double count = (double) indices.length * raw.imageShape().get(1) * raw.imageShape().get(2);
        float[] mean = new float[channels];
        float[] std = new float[channels];
        for (int c = 0; c < channels; c++) {
            double m = sum[c] / count;
            mean[c] = (float) (m / 255);
            std[c] = (float) (Math.sqrt(Math.max(0, squares[c] / count - m * m)) / 255);
        }
        return new Normalization(mean, std);
    }

    /**
     * A table's standardisation: per feature the mean and the population standard deviation of the
     * chosen rows, in two passes in float64 (features may be far from 0 and nearly constant, where
     * the sum of squares would cancel); a constant feature keeps 1.
     */
    private static Normalization fitTable(ImageSet raw, long[] indices) {
        int features = Math.toIntExact(raw.imageShape().get(0));
        float[] values = raw.images().toFloatArray();
        double[] sum = new double[features];
        for (long i : indices) {
            for (int f = 0; f < features; f++) {
                sum[f] += values[Math.toIntExact(i) * features + f];
            }
        }
        double[] squares = new double[features];
        for (long i : indices) {
            for (int f = 0; f < features; f++) {
                double d = values[Math.toIntExact(i) * features + f] - sum[f] / indices.length;
                squares[f] += d * d;
            }
        }
        float[] mean = new float[features];
        float[] std = new float[features];
        for (int f = 0; f < features; f++) {
            double sd = Math.sqrt(squares[f] / indices.length);
            mean[f] = (float) (sum[f] / indices.length / 255);
            std[f] = (float) ((sd > 0 ? sd : 1) / 255);
        }
        return new Normalization(mean, std);
    }

    /** Returns the number of channels. */
    public int channels() {
        return mean.length;
    }

    @Override
    public float[] mean() {
        return mean.clone();
    }

    @Override
    public float[] std() {
        return std.clone();
    }

    /** Returns what a black pixel (value 0) becomes, per channel: {@code -mean_c / std_c}. */
    public float[] normalizedBlack() {
        float[] black = new float[mean.length];
        for (int c = 0; c < black.length; c++) {
            black[c] = -mean[c] / std[c];
        }
        return black;
    }

    /**
     * Normalises {@code (N, C, H, W)} images of pixel values 0 to 255 in place, in two bulk
     * operations: {@code x * (1 / (255 std_c)) - mean_c / std_c}.
     *
     * @param images the images, changed in place
     */
    void applyInPlace(NDArray images) {
        long c = images.getShape().get(1);
        if (c != mean.length) {
            throw new IllegalArgumentException(
                    "images have " + c + " channels; the normalisation has " + mean.length);
        }
        float[] scale = new float[mean.length];
        float[] offset = new float[mean.length];
        for (int i = 0; i < scale.length; i++) {
            scale[i] = 1f / (255f * std[i]);
            offset[i] = mean[i] / std[i];
        }
        NDManager manager = images.getManager();
        Shape perChannel = new Shape(1, c, 1, 1);
        try (NDArray s = manager.create(scale, perChannel);
                NDArray o = manager.create(offset, perChannel)) {
            images.muli(s).subi(o);
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Normalization n
                && Arrays.equals(mean, n.mean)
                && Arrays.equals(std, n.std);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(mean) + Arrays.hashCode(std);
    }

    @Override
    public String toString() {
        return "Normalization[mean="
                + Arrays.toString(mean)
                + ", std="
                + Arrays.toString(std)
                + "]";
    }
}

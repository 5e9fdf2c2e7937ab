package org.learnability.runner.data;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.SplittableRandom;

/**
 * Training augmentation of a whole batch at once: a random crop of the image padded by {@code
 * padding} pixels on every side, and a random horizontal flip (probability 1/2), as in
 * torchvision's {@code RandomCrop(32, padding=4)} followed by {@code RandomHorizontalFlip()}.
 *
 * <p>Bulk NDArray operations, no loop over images or pixels: each sample's crop offset and flip (a
 * few random numbers per sample, drawn from the seed) give a source row per output row and a source
 * column per output column; broadcast additions of these small arrays make the source position of
 * every output pixel on the device, one {@code take} moves the whole batch, and a mask sets the
 * padding to a fill value per channel. Pixel values never pass through Java. The same seed gives
 * the same batch on every engine.
 *
 * @param padding pixels of padding on each side; the crop offset is uniform in {@code
 *     -padding..padding} in each direction
 * @param horizontalFlip whether to flip half the images left to right
 */
public record Augmentation(int padding, boolean horizontalFlip) {

    /** No augmentation. */
    public static final Augmentation NONE = new Augmentation(0, false);

    /** Validates the record. */
    public Augmentation {
        if (padding < 0) {
            throw new IllegalArgumentException(
                    "augmentation padding " + padding + " is negative; expected 0 or more");
        }
    }

    /**
     * Returns the usual CIFAR-10 augmentation: random crop with padding 4, horizontal flip.
     *
     * @return the augmentation
     */
    public static Augmentation cifar10() {
        return new Augmentation(4, true);
    }

    /** Returns true if this changes nothing. */
    public boolean isNone() {
        return padding == 0 && !horizontalFlip;
    }

    /**
     * Augments a batch; the new arrays belong to the batch's manager.
     *
     * @param batch {@code (B, C, H, W)} images
     * @param seed chooses the crops and flips
     * @param fill the value of a padding pixel per channel, e.g. {@link
     *     Normalization#normalizedBlack()}
     * @return the augmented batch, same shape
     */
    public NDArray apply(NDArray batch, long seed, float[] fill) {
        if (isNone()) {
            return batch;
        }
        Shape shape = batch.getShape();
        int b = Math.toIntExact(shape.get(0));
        int c = Math.toIntExact(shape.get(1));
        int h = Math.toIntExact(shape.get(2));
        int w = Math.toIntExact(shape.get(3));
        if (fill.length != c) {
            throw new IllegalArgumentException(
                    "fill has " + fill.length + " values for " + c + " channels");
        }
        int[] sampleStart = new int[b * c]; // where image k, channel ch starts in the flat batch
        int[] rowStart = new int[b * h]; // where output row i of sample k reads, within its image
        int[] column = new int[b * w]; // which column output column j of sample k reads
        float[] rowInside = new float[b * h];
        float[] columnInside = new float[b * w];
        SplittableRandom random = new SplittableRandom(seed);
        for (int k = 0; k < b; k++) {
            int dy = padding == 0 ? 0 : random.nextInt(2 * padding + 1) - padding;
            int dx = padding == 0 ? 0 : random.nextInt(2 * padding + 1) - padding;
            boolean flip = horizontalFlip && random.nextBoolean();
            for (int ch = 0; ch < c; ch++) {
                sampleStart[k * c + ch] = (k * c + ch) * h * w;
            }
            for (int i = 0; i < h; i++) {
                int row = i + dy;
                boolean inside = row >= 0 && row < h;
                rowStart[k * h + i] = (inside ? row : 0) * w;
                rowInside[k * h + i] = inside ? 1 : 0;
            }
            for (int j = 0; j < w; j++) {
                int source = (flip ? w - 1 - j : j) + dx; // crop, then flip the crop
                boolean inside = source >= 0 && source < w;
                column[k * w + j] = inside ? source : 0;
                columnInside[k * w + j] = inside ? 1 : 0;
            }
        }
        NDManager manager = batch.getManager();
        NDArray index =
                manager.create(sampleStart, new Shape(b, c, 1, 1))
                        .add(manager.create(rowStart, new Shape(b, 1, h, 1)))
                        .add(manager.create(column, new Shape(b, 1, 1, w)));
        NDArray out = batch.take(manager, index);
        if (padding > 0) {
            // inside: the pixel itself (x * 1 + 0, exact); padding: the fill (x * 0 + fill)
            NDArray inside =
                    manager.create(rowInside, new Shape(b, 1, h, 1))
                            .mul(manager.create(columnInside, new Shape(b, 1, 1, w)));
            NDArray padded = inside.neg().add(1).mul(manager.create(fill, new Shape(1, c, 1, 1)));
            out = out.mul(inside).add(padded);
        }
        return out;
    }
}

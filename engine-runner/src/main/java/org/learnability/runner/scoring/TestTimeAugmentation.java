package org.learnability.runner.scoring;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import java.util.List;
import java.util.Locale;

/**
 * What a scoring pass averages over for each image, the same for every model scored: the image
 * alone, or the image and its mirror image.
 *
 * <pre>
 *   none   logits(x) = f(x)
 *   flip   logits(x) = (f(x) + f(flip(x))) / 2,   flip(x)[c, i, j] = x[c, i, W - 1 - j]
 * </pre>
 *
 * Horizontal-flip test-time augmentation as in the fast CIFAR-10 trainings (Page, "How to Train
 * Your ResNet", 2018; Jordan, "94% on CIFAR-10 in 3.29 Seconds on a Single GPU", 2024), which train
 * with random flips: two forward passes per image. Predictions, confusion matrices and the logits
 * kept for post-hoc offsets all come from the averaged logits.
 */
public enum TestTimeAugmentation {
    /** One forward pass on the image: today's scoring. */
    NONE,
    /** The mean of the logits of the image and of its left-right mirror image. */
    FLIP;

    /**
     * Returns the views of a batch that its logits average over: the images, and with {@link #FLIP}
     * their mirror images too.
     *
     * @param data {@code (B, C, H, W)} images
     * @return one or two views, the images first; the mirror images in the images' manager
     */
    public List<NDList> views(NDList data) {
        if (this == NONE) {
            return List.of(data);
        }
        NDArray images = data.singletonOrThrow();
        if (images.getShape().dimension() != 4) {
            throw new IllegalArgumentException(
                    "test-time flip takes (B, C, H, W) images; got shape " + images.getShape());
        }
        return List.of(data, new NDList(images.flip(3)));
    }

    /**
     * Averages the logits of a batch's {@linkplain #views views}.
     *
     * @param logits the logits of each view, in the order of {@link #views}
     * @return {@code (l_0 + l_1) / 2} for two views, the one otherwise
     */
    public NDArray average(List<NDArray> logits) {
        return logits.size() == 1 ? logits.get(0) : logits.get(0).add(logits.get(1)).div(2);
    }

    /**
     * Parses a name as written on a command line.
     *
     * @param text {@code none} or {@code flip}
     * @return the augmentation
     * @throws IllegalArgumentException naming the valid names
     */
    public static TestTimeAugmentation parse(String text) {
        String name = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        for (TestTimeAugmentation value : values()) {
            if (value.toString().equals(name)) {
                return value;
            }
        }
        throw new IllegalArgumentException(
                "unknown test-time augmentation '" + text + "'; expected one of none, flip");
    }

    /**
     * Returns the name as {@link #parse} reads it.
     *
     * @return {@code none} or {@code flip}
     */
    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}

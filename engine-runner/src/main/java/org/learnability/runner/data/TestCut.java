package org.learnability.runner.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * The test split of data that has none of its own ({@link TestSource#CUT}): {@code --test-size}
 * images held out, stratified, an equal count {@code size / classes} of each class, drawn from each
 * class's images in their order shuffled by a fixed seed. The same images for every seed of an
 * experiment, as an official test set is, so that seeds differ only in the training and validation
 * splits (which {@link DataSplits} then draws from the rest).
 */
final class TestCut {

    /** The seed of the cut: fixed, so every run's test split is the same. */
    private static final long SEED = 0;

    private TestCut() {}

    /**
     * Chooses the test images.
     *
     * @param labels the class of every image
     * @param classNames the class names
     * @param size the test images to hold out
     * @param where the data, for messages
     * @param sample what one sample is called, for messages: {@code image} or {@code row}
     * @return {rest, test}: indices into the images, each ascending
     * @throws DataException if the size is not a multiple of the classes or a class has too few
     */
    static long[][] choose(
            int[] labels, List<String> classNames, int size, String where, String sample) {
        int classes = classNames.size();
        if (size % classes != 0) {
            throw new DataException(
                    "--test-size "
                            + size
                            + " is not a multiple of the "
                            + classes
                            + " classes of "
                            + where
                            + "; a stratified test split needs an equal count per class");
        }
        int perClass = size / classes;
        List<List<Long>> byClass = new ArrayList<>();
        for (int c = 0; c < classes; c++) {
            byClass.add(new ArrayList<>());
        }
        for (int i = 0; i < labels.length; i++) {
            byClass.get(labels[i]).add((long) i);
        }
        Random random = new Random(Seeds.mix(SEED, Seeds.TEST));
        List<Long> rest = new ArrayList<>();
        List<Long> test = new ArrayList<>();
        for (int c = 0; c < classes; c++) {
            List<Long> images = byClass.get(c);
            if (images.size() <= perClass) {
                throw new DataException(
                        "--test-size "
                                + size
                                + " needs "
                                + perClass
                                + " "
                                + sample
                                + "s of each class, and more for training, but class "
                                + c
                                + " '"
                                + classNames.get(c)
                                + "' has only "
                                + images.size()
                                + " in "
                                + where);
            }
            Collections.shuffle(images, random);
            test.addAll(images.subList(0, perClass));
            rest.addAll(images.subList(perClass, images.size()));
        }
        return new long[][] {sorted(rest), sorted(test)};
    }

    private static long[] sorted(List<Long> indices) {
        long[] result = indices.stream().mapToLong(Long::longValue).toArray();
        Arrays.sort(result);
        return result;
    }
}

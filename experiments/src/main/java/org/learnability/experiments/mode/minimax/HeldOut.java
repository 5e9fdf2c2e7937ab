package org.learnability.experiments.mode.minimax;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.learnability.runner.data.Seeds;

/**
 * The training images the {@code minimax} mode holds out of its training to measure the classes'
 * errors on: of every class's {@code n_c} images of the training split, {@code max(1, round(share
 * n_c))} chosen by the seed, the rest trained on. The validation split stays unseen, for choosing
 * the arm; the test split is never read.
 */
final class HeldOut {

    /** The stream of the held-out choice, apart from the streams of {@link Seeds}. */
    private static final long STREAM = 0x6d696e696d6178L; // "minimax"

    private HeldOut() {}

    /**
     * Chooses the held-out images.
     *
     * @param labels the class of every image of the training split, in its order
     * @param classNames the class names, index = label
     * @param share the share held out, in (0, 0.5]
     * @param seed the run's seed
     * @return {trained on, held out}: positions in the split's order, each ascending
     * @throws IllegalArgumentException when a class has fewer than 2 training images
     */
    static int[][] positions(int[] labels, List<String> classNames, double share, long seed) {
        List<List<Integer>> byClass = new ArrayList<>();
        for (int c = 0; c < classNames.size(); c++) {
            byClass.add(new ArrayList<>());
        }
        for (int i = 0; i < labels.length; i++) {
            byClass.get(labels[i]).add(i);
        }
        Random random = new Random(Seeds.mix(seed, STREAM));
        List<Integer> trained = new ArrayList<>();
        List<Integer> held = new ArrayList<>();
        for (int c = 0; c < byClass.size(); c++) {
            List<Integer> positions = byClass.get(c);
            if (positions.size() < 2) {
                throw new IllegalArgumentException(
                        "--mode minimax holds out training images of every class, and class '"
                                + classNames.get(c)
                                + "' has "
                                + positions.size()
                                + " in the training split; expected at least 2 (a larger"
                                + " --train-size)");
            }
            Collections.shuffle(positions, random);
            int cut = (int) Math.max(1, Math.round(share * positions.size()));
            held.addAll(positions.subList(0, cut));
            trained.addAll(positions.subList(cut, positions.size()));
        }
        return new int[][] {
            trained.stream().mapToInt(Integer::intValue).sorted().toArray(),
            held.stream().mapToInt(Integer::intValue).sorted().toArray()
        };
    }
}

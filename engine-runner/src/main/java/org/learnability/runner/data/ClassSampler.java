package org.learnability.runner.data;

import java.util.Arrays;
import java.util.Random;
import org.learnability.api.weights.ClassWeights;

/**
 * Draws an epoch of images with replacement by class weight, the sampling form of the weighting
 * ({@code --apply sampling}): as many draws as there are images, image {@code j} with probability
 * {@code w[y_j] / sum_k w[y_k]}, so class {@code c} gets an expected share {@code w_c n_c / sum_k
 * w_k n_k} of the epoch. Draws are made in Java from a seed of the run's seed and the epoch
 * (inverse transform over the cumulative weights), the same on every engine and device.
 */
public final class ClassSampler {

    private ClassSampler() {}

    /**
     * Draws an epoch.
     *
     * @param indices the split's source indices
     * @param labels the class of each of them
     * @param weights one weight per class, each &gt; 0
     * @param seed the run's seed
     * @param epoch the epoch
     * @return {@code indices.length} source indices, drawn with replacement
     */
    public static long[] draw(
            long[] indices, int[] labels, ClassWeights weights, long seed, int epoch) {
        double[] cumulative = new double[indices.length];
        double total = 0;
        for (int j = 0; j < indices.length; j++) {
            total += weights.get(labels[j]);
            cumulative[j] = total;
        }
        Random random = new Random(Seeds.mix(seed, Seeds.SAMPLE, epoch));
        long[] drawn = new long[indices.length];
        for (int k = 0; k < drawn.length; k++) {
            int at = Arrays.binarySearch(cumulative, random.nextDouble() * total);
            int j = at >= 0 ? at + 1 : -at - 1; // the first cumulative weight above the draw
            drawn[k] = indices[Math.min(j, indices.length - 1)];
        }
        return drawn;
    }
}

package org.learnability.runner.training;

import java.util.Locale;
import org.learnability.api.weights.ClassWeights;

/**
 * How class weights act on training ({@code --apply}): on the loss (each sample's loss times its
 * class weight, the source paper's method), on the sampling of training images (every epoch draws
 * as many images as the split holds, with replacement, image {@code j} with probability {@code
 * w[y_j] / sum_k w[y_k]}, and the loss is unweighted; the source paper's planned TPR-driven
 * oversampling), or both.
 */
public enum WeightApplication {
    /** Weights multiply the loss; batches are the shuffled split. */
    LOSS(true, false),
    /** Weights choose the images of each epoch; the loss is unweighted. */
    SAMPLING(false, true),
    /** Weights choose the images and multiply the loss. */
    BOTH(true, true);

    private final boolean loss;
    private final boolean sampling;

    WeightApplication(boolean loss, boolean sampling) {
        this.loss = loss;
        this.sampling = sampling;
    }

    /**
     * Parses a name as written on a command line.
     *
     * @param text {@code loss}, {@code sampling} or {@code both}
     * @return the application
     */
    public static WeightApplication parse(String text) {
        return EnumNames.parse(WeightApplication.class, "weight application", text);
    }

    /**
     * Returns the weights the loss gets.
     *
     * @param weights the strategy's weights
     * @return them, or all 1 when weights only choose the samples
     */
    public ClassWeights forLoss(ClassWeights weights) {
        return loss ? weights : ClassWeights.uniform(weights.size());
    }

    /**
     * Returns the weights the sampling of images gets.
     *
     * @param weights the strategy's weights
     * @return them, or null when the batches are the shuffled split
     */
    public ClassWeights forSampling(ClassWeights weights) {
        return sampling ? weights : null;
    }

    /** Returns the name used on command lines and in records, e.g. {@code sampling}. */
    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}

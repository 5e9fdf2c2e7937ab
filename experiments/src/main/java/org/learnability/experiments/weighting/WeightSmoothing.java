package org.learnability.experiments.weighting;

import org.learnability.api.weights.ClassWeights;

/**
 * How weights that are recomputed (every round of {@code iterative}, every epoch of {@code
 * dynamic}) are smoothed, after online reweighting that works better with small steps and some
 * uniform mixing (CDB loss, Sinha et al. 2020; FRL, Xu et al. 2021; CFOL, Pethick et al. 2023):
 *
 * <pre>
 *   w' = normalise(B * w_previous + (1 - B) * W(s, w_previous))    --weight-ema B
 *   w  = normalise((1 - A) * w' + A)                               --uniform-mix A
 * </pre>
 *
 * each normalised to mean 1; the previous weights of the first round are all 1. {@code dynamic}
 * trains its first {@code warmupEpochs} epochs with all weights 1.
 *
 * @param ema B, in [0, 1); 0 takes the strategy's weights as they are
 * @param uniformMix A, in [0, 1); 0 mixes in nothing
 * @param warmupEpochs the unweighted first epochs of {@code dynamic}, at least 1
 */
public record WeightSmoothing(double ema, double uniformMix, int warmupEpochs) {

    /** Today's behaviour: no smoothing, one unweighted epoch. */
    public static final WeightSmoothing NONE = new WeightSmoothing(0, 0, 1);

    /** Validates the settings, naming the option at fault. */
    public WeightSmoothing {
        if (!(ema >= 0 && ema < 1)) {
            throw new IllegalArgumentException(
                    "--weight-ema is " + ema + "; expected a number in [0, 1)");
        }
        if (!(uniformMix >= 0 && uniformMix < 1)) {
            throw new IllegalArgumentException(
                    "--uniform-mix is " + uniformMix + "; expected a number in [0, 1)");
        }
        if (warmupEpochs < 1) {
            throw new IllegalArgumentException(
                    "--warmup-epochs is " + warmupEpochs + "; expected a whole number >= 1");
        }
    }

    /**
     * Smooths a strategy's new weights.
     *
     * @param previous the weights in force before
     * @param proposed the strategy's weights
     * @return the weights to use; {@code proposed} itself without smoothing
     */
    public ClassWeights apply(ClassWeights previous, ClassWeights proposed) {
        if (ema == 0 && uniformMix == 0) {
            return proposed;
        }
        double[] w = proposed.values();
        for (int c = 0; c < w.length; c++) {
            w[c] = ema * previous.get(c) + (1 - ema) * w[c]; // both mean 1: the mean stays 1
            w[c] = (1 - uniformMix) * w[c] + uniformMix;
        }
        return ClassWeights.of(w);
    }

    /**
     * Tells whether the weights are smoothed at all.
     *
     * @return {@code false} for {@link #NONE}'s ema and mix
     */
    public boolean smooths() {
        return ema != 0 || uniformMix != 0;
    }
}

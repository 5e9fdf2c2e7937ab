package org.learnability.experiments.mode;

import java.util.List;

/**
 * {@value #NAME}, classifier re-training (Kang et al., "Decoupling Representation and Classifier
 * for Long-Tailed Recognition", ICLR 2020, cRT; on held-out data as in Kirichenko et al., "Last
 * Layer Re-Training is Sufficient for Robustness to Spurious Correlations", ICLR 2023, DFR): the
 * seed's baseline with its feature layers frozen and its final dense layer trained again with the
 * weighted loss ({@link SeedRun#headRetrained}):
 *
 * <pre>
 *   f = features of M0 (computed once per split),   logits = W f + b
 *   W, b = argmin  sum_i w[y_i] l(W f_i + b, y_i) / sum_i w[y_i]  + l2 |W|^2   (Adam, E epochs)
 * </pre>
 *
 * on one stratified half of the validation split ({@code --head-data holdout}), with the weights
 * {@code w = W(s_B(M0), 1)} from the baseline's scores on the other half B, which alone gives the
 * arm's validation figures and its choices; or on the training split ({@code train}), B then being
 * the whole validation split. Every seed also re-trains with {@code uniform} weights, the control
 * that separates the weights' effect from the re-training's. With uniform weights, the baseline's
 * layer as start and 0 epochs it is the baseline.
 */
public final class HeadMode implements ExperimentMode {

    /** The name on command lines and in records. */
    public static final String NAME = "head";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "the baseline's final dense layer re-trained with the weights on held-out (or"
                + " training) features, beside the same with uniform weights";
    }

    @Override
    public boolean usesBaselineModel() {
        return true;
    }

    @Override
    public boolean retrainsHead() {
        return true;
    }

    @Override
    public List<RunId> weightedRuns(List<String> strategies, int rounds) {
        return WeightedRounds.withControl(NAME, strategies);
    }

    @Override
    public void run(SeedRun seed) {
        for (RunId run : weightedRuns(List.copyOf(seed.strategies().keySet()), 1)) {
            seed.headRetrained(run, unseen -> WeightedRounds.weights(seed, run, unseen));
        }
    }
}

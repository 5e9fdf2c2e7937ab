package org.learnability.runner.loss;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import org.learnability.api.weights.ClassWeights;

/**
 * Logit-adjusted softmax cross-entropy (loss family {@code margin}; Menon et al., "Long-tail
 * learning via logit adjustment", ICLR 2021; Kini et al., "Label-Imbalanced and Group-Sensitive
 * Classification under Overparameterization", NeurIPS 2021): the class weights act only as additive
 * margins on the logits during training,
 *
 * <pre>
 *   d_c  = -tau * ln(w_c)
 *   loss = mean_i -log softmax(x_i + d)[y_i]
 * </pre>
 *
 * A class with a large weight gets a negative offset, so the model must raise its logit further to
 * classify it, a margin that keeps acting once the training set is fitted (unlike a weight on the
 * loss). Predictions use the raw logits. With all weights 1 (or {@code tau = 0}) it equals DJL's
 * {@link ai.djl.training.loss.SoftmaxCrossEntropyLoss}; its gradient is {@code (softmax(x_i + d) -
 * onehot(y_i)) / N}.
 */
public class LogitAdjustedLoss extends ClassWeightedLoss {

    private final double tau;

    /**
     * Creates the loss.
     *
     * @param name the loss name shown by training listeners
     * @param tau the scale of the margins, {@code >= 0}
     * @param weights the class weights
     * @param manager the manager under which the offset arrays live
     */
    public LogitAdjustedLoss(String name, double tau, ClassWeights weights, NDManager manager) {
        super(name, weights, manager);
        if (!(tau >= 0) || !Double.isFinite(tau)) {
            throw new IllegalArgumentException("margin tau is " + tau + "; expected >= 0");
        }
        this.tau = tau;
    }

    /** The offset {@code d_c = -tau ln(w_c)}. */
    @Override
    protected double classValue(double weight) {
        return tau == 0 ? 0 : -tau * Math.log(weight);
    }

    @Override
    public NDArray evaluate(NDList labels, NDList predictions) {
        NDArray logits = predictions.singletonOrThrow();
        NDArray oneHot = oneHot(labels.singletonOrThrow(), logits);
        NDArray adjusted = logits.add(classArray(logits.getDevice(), logits.getDataType()));
        return adjusted.logSoftmax(1).mul(oneHot).sum(new int[] {1}).neg().mean();
    }
}

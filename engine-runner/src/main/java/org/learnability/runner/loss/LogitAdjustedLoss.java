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
 * onehot(y_i)) / N}. With {@link LabelSmoothing} {@code eps > 0} the target {@code onehot(y_i)}
 * becomes {@code (1 - eps) onehot(y_i) + eps / C}: {@code loss = mean_i -sum_c q_ic log softmax(x_i
 * + d)_c}.
 */
public class LogitAdjustedLoss extends ClassWeightedLoss {

    private final double tau;
    private final LabelSmoothing smoothing;

    /**
     * Creates the loss.
     *
     * @param name the loss name shown by training listeners
     * @param tau the scale of the margins, {@code >= 0}
     * @param weights the class weights
     * @param manager the manager under which the offset arrays live
     */
    public LogitAdjustedLoss(String name, double tau, ClassWeights weights, NDManager manager) {
        this(name, tau, weights, manager, LabelSmoothing.NONE);
    }

    /**
     * Creates the loss with smoothed targets.
     *
     * @param name the loss name shown by training listeners
     * @param tau the scale of the margins, {@code >= 0}
     * @param weights the class weights
     * @param manager the manager under which the offset arrays live
     * @param smoothing the label smoothing; none is the loss above
     */
    public LogitAdjustedLoss(
            String name,
            double tau,
            ClassWeights weights,
            NDManager manager,
            LabelSmoothing smoothing) {
        super(name, weights, manager);
        this.smoothing = smoothing;
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
        NDArray targets = smoothing.isNone() ? oneHot : smoothedTargets(oneHot, smoothing);
        return adjusted.logSoftmax(1).mul(targets).sum(new int[] {1}).neg().mean();
    }
}

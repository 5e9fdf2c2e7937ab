package org.learnability.runner.loss;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import org.learnability.api.weights.ClassWeights;

/**
 * Softmax cross-entropy with a weight per class, from logits and sparse labels (loss family {@code
 * ce}):
 *
 * <pre>
 *   l_i  = -log softmax(x_i)[y_i]
 *   loss = sum_i w[y_i] * l_i / sum_i w[y_i]
 * </pre>
 *
 * the semantics of PyTorch's {@code torch.nn.CrossEntropyLoss(weight=w)} with {@code 'mean'}
 * reduction. With every weight 1 it equals DJL's {@link
 * ai.djl.training.loss.SoftmaxCrossEntropyLoss}. Its gradient with respect to the logits of sample
 * {@code i} is {@code (softmax(x_i) - onehot(y_i)) * w[y_i] / sum_j w[y_j]}.
 *
 * <p>With {@link LabelSmoothing} {@code eps > 0}, {@code l_i = -sum_c q_ic log softmax(x_i)_c} with
 * {@code q_i = (1 - eps) onehot(y_i) + eps / C}, the weights as before; its gradient is then {@code
 * (softmax(x_i) - q_i) * w[y_i] / sum_j w[y_j]}.
 *
 * <p>Predictions are {@code (N, C)} logits; labels are class indices of shape {@code (N)} or {@code
 * (N, 1)}.
 */
public class WeightedSoftmaxCrossEntropyLoss extends ClassWeightedLoss {

    private final LabelSmoothing smoothing;

    /**
     * Creates the loss.
     *
     * @param name the loss name shown by training listeners
     * @param weights the class weights
     * @param manager the manager under which the weight arrays live
     */
    public WeightedSoftmaxCrossEntropyLoss(String name, ClassWeights weights, NDManager manager) {
        this(name, weights, manager, LabelSmoothing.NONE);
    }

    /**
     * Creates the loss with smoothed targets.
     *
     * @param name the loss name shown by training listeners
     * @param weights the class weights
     * @param manager the manager under which the weight arrays live
     * @param smoothing the label smoothing; none is the loss above
     */
    public WeightedSoftmaxCrossEntropyLoss(
            String name, ClassWeights weights, NDManager manager, LabelSmoothing smoothing) {
        super(name, weights, manager);
        this.smoothing = smoothing;
    }

    @Override
    protected double classValue(double weight) {
        return weight;
    }

    @Override
    public NDArray evaluate(NDList labels, NDList predictions) {
        NDArray logits = predictions.singletonOrThrow();
        NDArray oneHot = oneHot(labels.singletonOrThrow(), logits);
        NDArray targets = smoothing.isNone() ? oneHot : smoothedTargets(oneHot, smoothing);
        NDArray perSample = logits.logSoftmax(1).mul(targets).sum(new int[] {1}).neg();
        return weightedMean(perSample, oneHot);
    }

    /** Returns how many weight arrays exist: one per device the loss has seen. */
    int weightArrayCount() {
        return classArrayCount();
    }
}

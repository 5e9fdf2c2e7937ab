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
 * <p>Predictions are {@code (N, C)} logits; labels are class indices of shape {@code (N)} or {@code
 * (N, 1)}.
 */
public class WeightedSoftmaxCrossEntropyLoss extends ClassWeightedLoss {

    /**
     * Creates the loss.
     *
     * @param name the loss name shown by training listeners
     * @param weights the class weights
     * @param manager the manager under which the weight arrays live
     */
    public WeightedSoftmaxCrossEntropyLoss(String name, ClassWeights weights, NDManager manager) {
        super(name, weights, manager);
    }

    @Override
    protected double classValue(double weight) {
        return weight;
    }

    @Override
    public NDArray evaluate(NDList labels, NDList predictions) {
        NDArray logits = predictions.singletonOrThrow();
        NDArray oneHot = oneHot(labels.singletonOrThrow(), logits);
        NDArray perSample = logits.logSoftmax(1).mul(oneHot).sum(new int[] {1}).neg();
        return weightedMean(perSample, oneHot);
    }

    /** Returns how many weight arrays exist: one per device the loss has seen. */
    int weightArrayCount() {
        return classArrayCount();
    }
}

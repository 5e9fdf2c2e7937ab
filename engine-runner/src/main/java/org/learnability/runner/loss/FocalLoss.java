package org.learnability.runner.loss;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import org.learnability.api.weights.ClassWeights;

/**
 * Focal loss with class weights (loss family {@code focal}; Lin et al., "Focal Loss for Dense
 * Object Detection", ICCV 2017), from logits and sparse labels:
 *
 * <pre>
 *   p_i  = softmax(x_i)[y_i]
 *   l_i  = -(1 - p_i)^gamma * log p_i
 *   loss = sum_i w[y_i] * l_i / sum_i w[y_i]
 * </pre>
 *
 * The factor {@code (1 - p_i)^gamma} shifts the effort to badly classified samples; with {@code
 * gamma = 0} the loss is exactly {@link WeightedSoftmaxCrossEntropyLoss}. Its gradient with respect
 * to logit {@code j} of sample {@code i} is {@code w[y_i] / sum w * [gamma (1-p)^(gamma-1) p log p
 * - (1-p)^gamma] * (onehot(y_i)_j - softmax(x_i)_j)}. {@code 1 - p} is kept above {@value #FLOOR}
 * so that the gradient stays finite when a sample is classified with certainty.
 */
public class FocalLoss extends ClassWeightedLoss {

    /** The least value {@code 1 - p} takes in the factor. */
    static final float FLOOR = 1e-12f;

    private final double gamma;

    /**
     * Creates the loss.
     *
     * @param name the loss name shown by training listeners
     * @param gamma the focusing exponent, {@code >= 0}
     * @param weights the class weights
     * @param manager the manager under which the weight arrays live
     */
    public FocalLoss(String name, double gamma, ClassWeights weights, NDManager manager) {
        super(name, weights, manager);
        if (!(gamma >= 0) || !Double.isFinite(gamma)) {
            throw new IllegalArgumentException("focal gamma is " + gamma + "; expected >= 0");
        }
        this.gamma = gamma;
    }

    @Override
    protected double classValue(double weight) {
        return weight;
    }

    @Override
    public NDArray evaluate(NDList labels, NDList predictions) {
        NDArray logits = predictions.singletonOrThrow();
        NDArray oneHot = oneHot(labels.singletonOrThrow(), logits);
        NDArray logP = logits.logSoftmax(1).mul(oneHot).sum(new int[] {1});
        NDArray perSample = logP.neg();
        if (gamma != 0) {
            NDArray factor = logP.exp().neg().add(1).maximum(FLOOR).pow(gamma);
            perSample = perSample.mul(factor);
        }
        return weightedMean(perSample, oneHot);
    }
}

package org.learnability.runner.loss;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.loss.Loss;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.learnability.api.weights.ClassWeights;

/**
 * Softmax cross-entropy with a weight per class, from logits and sparse labels:
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
 * (N, 1)}. The weight array is made once per device, on the labels' device, in a manager under the
 * one given; closing that manager (or this loss) frees it. {@link #setWeights} changes the weights
 * between batches, for weights that change during training.
 */
public class WeightedSoftmaxCrossEntropyLoss extends Loss implements AutoCloseable {

    private volatile ClassWeights weights;
    private final NDManager manager;
    private final Map<Device, NDArray> weightArrays = new ConcurrentHashMap<>();

    /**
     * Creates the loss.
     *
     * @param name the loss name shown by training listeners
     * @param weights the class weights
     * @param manager the manager under which the weight arrays live
     */
    public WeightedSoftmaxCrossEntropyLoss(String name, ClassWeights weights, NDManager manager) {
        super(name);
        this.weights = weights;
        this.manager = manager;
    }

    /**
     * Returns the class weights.
     *
     * @return the weights
     */
    public ClassWeights weights() {
        return weights;
    }

    /**
     * Replaces the class weights, for the batches that follow; not during a batch.
     *
     * @param newWeights the new weights, one per class as before
     */
    public void setWeights(ClassWeights newWeights) {
        newWeights.requireSize(weights.size());
        weights = newWeights;
        close();
    }

    @Override
    public NDArray evaluate(NDList labels, NDList predictions) {
        NDArray logits = predictions.singletonOrThrow();
        Shape shape = logits.getShape();
        if (shape.dimension() != 2) {
            throw new IllegalArgumentException(
                    "predictions have shape " + shape + "; expected (N, C) logits");
        }
        long numClasses = shape.get(1);
        if (numClasses != weights.size()) {
            throw new IllegalArgumentException(
                    weights.size()
                            + " class weights given for predictions over "
                            + numClasses
                            + " classes");
        }
        NDArray label = labels.singletonOrThrow();
        Shape labelShape = label.getShape();
        boolean columnOrFlat =
                labelShape.dimension() == 1
                        || (labelShape.dimension() == 2 && labelShape.get(1) == 1);
        if (!columnOrFlat || labelShape.get(0) != shape.get(0)) {
            throw new IllegalArgumentException(
                    "labels have shape "
                            + labelShape
                            + "; expected ("
                            + shape.get(0)
                            + ") or ("
                            + shape.get(0)
                            + ", 1)");
        }
        NDArray oneHot =
                label.reshape(-1)
                        .toType(DataType.INT64, false)
                        .oneHot((int) numClasses)
                        .toType(logits.getDataType(), false);
        NDArray perSample = logits.logSoftmax(1).mul(oneHot).sum(new int[] {1}).neg();
        NDArray sampleWeights =
                oneHot.mul(weightArray(label.getDevice(), logits.getDataType())).sum(new int[] {1});
        return perSample.mul(sampleWeights).sum().div(sampleWeights.sum());
    }

    private NDArray weightArray(Device device, DataType dataType) {
        NDArray array =
                weightArrays.computeIfAbsent(
                        device,
                        d -> {
                            NDManager onDevice = manager.newSubManager(d);
                            double[] w = weights.values();
                            float[] values = new float[w.length];
                            for (int c = 0; c < w.length; c++) {
                                values[c] = (float) w[c];
                            }
                            return onDevice.create(values);
                        });
        return array.getDataType() == dataType ? array : array.toType(dataType, false);
    }

    /** Returns how many weight arrays exist: one per device the loss has seen. */
    int weightArrayCount() {
        return weightArrays.size();
    }

    /** Frees the weight arrays. */
    @Override
    public void close() {
        weightArrays.values().forEach(a -> a.getManager().close());
        weightArrays.clear();
    }
}

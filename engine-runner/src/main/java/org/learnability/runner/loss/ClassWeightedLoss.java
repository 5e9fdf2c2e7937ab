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
import java.util.function.DoubleUnaryOperator;
import org.learnability.api.weights.ClassWeights;

/**
 * A DJL {@link Loss} over {@code (N, C)} logits and sparse labels whose class weights can change
 * between batches (for weights that change during training). What is shared by the loss families:
 * checking the shapes, the one-hot labels, and a per-class array derived from the weights, made
 * once per device in a manager under the one given; closing that manager (or this loss) frees it.
 */
public abstract class ClassWeightedLoss extends Loss implements AutoCloseable {

    private volatile ClassWeights weights;
    private final NDManager manager;
    private final Map<Device, NDArray> classArrays = new ConcurrentHashMap<>();

    /**
     * Creates the loss.
     *
     * @param name the loss name shown by training listeners
     * @param weights the class weights
     * @param manager the manager under which the per-class arrays live
     */
    protected ClassWeightedLoss(String name, ClassWeights weights, NDManager manager) {
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

    /**
     * The per-class value this loss uses, derived from a class weight: the weight itself, or a
     * logit offset.
     *
     * @param weight the class weight
     * @return the value
     */
    protected abstract double classValue(double weight);

    /**
     * Checks the shapes and returns the labels one-hot, in the logits' data type.
     *
     * @param labels {@code (N)} or {@code (N, 1)} class indices
     * @param logits {@code (N, C)}
     * @return {@code (N, C)} one-hot labels
     */
    protected NDArray oneHot(NDArray labels, NDArray logits) {
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
        Shape labelShape = labels.getShape();
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
        return labels.reshape(-1)
                .toType(DataType.INT64, false)
                .oneHot((int) numClasses)
                .toType(logits.getDataType(), false);
    }

    /**
     * Returns smoothed targets {@code (1 - eps) * onehot + eps / C} ({@link LabelSmoothing}).
     *
     * @param oneHot {@code (N, C)} one-hot labels
     * @param smoothing the smoothing, not none
     * @return {@code (N, C)} targets, each row summing to 1
     */
    protected static NDArray smoothedTargets(NDArray oneHot, LabelSmoothing smoothing) {
        double epsilon = smoothing.epsilon();
        return oneHot.mul(1 - epsilon).add(epsilon / oneHot.getShape().get(1));
    }

    /**
     * Returns {@link #classValue} of every class as a {@code (C)} array on a device.
     *
     * @param device the device
     * @param dataType the data type of the logits
     * @return the array
     */
    protected NDArray classArray(Device device, DataType dataType) {
        NDArray array =
                classArrays.computeIfAbsent(
                        device,
                        d -> {
                            NDManager onDevice = manager.newSubManager(d);
                            DoubleUnaryOperator value = this::classValue;
                            double[] w = weights.values();
                            float[] values = new float[w.length];
                            for (int c = 0; c < w.length; c++) {
                                values[c] = (float) value.applyAsDouble(w[c]);
                            }
                            return onDevice.create(values);
                        });
        return array.getDataType() == dataType ? array : array.toType(dataType, false);
    }

    /**
     * The weighted mean {@code sum_i w[y_i] * l_i / sum_i w[y_i]} of per-sample losses, where this
     * loss's class array holds the weights.
     *
     * @param perSample {@code (N)} losses
     * @param oneHot {@code (N, C)} labels
     * @return the scalar loss
     */
    protected NDArray weightedMean(NDArray perSample, NDArray oneHot) {
        NDArray sampleWeights =
                oneHot.mul(classArray(oneHot.getDevice(), oneHot.getDataType())).sum(new int[] {1});
        return perSample.mul(sampleWeights).sum().div(sampleWeights.sum());
    }

    /** Returns how many per-class arrays exist: one per device the loss has seen. */
    int classArrayCount() {
        return classArrays.size();
    }

    @Override
    public abstract NDArray evaluate(NDList labels, NDList predictions);

    /** Frees the per-class arrays. */
    @Override
    public void close() {
        classArrays.values().forEach(a -> a.getManager().close());
        classArrays.clear();
    }
}

package org.learnability.runner.head;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.nn.core.Linear;
import java.util.Arrays;
import java.util.List;

/**
 * The parameters of a head, {@code logits = W f + b}, copied to Java: small ({@code classes x
 * features} plus {@code classes} floats), so that candidates can be kept and compared.
 *
 * @param classes the rows of {@code W}
 * @param features the columns of {@code W}
 * @param weight {@code W}, row-major
 * @param bias {@code b}
 */
public record HeadParameters(int classes, int features, float[] weight, float[] bias) {

    /** Checks the sizes. */
    public HeadParameters {
        if (weight.length != (long) classes * features || bias.length != classes) {
            throw new IllegalArgumentException(
                    "a head of "
                            + classes
                            + " x "
                            + features
                            + " has "
                            + weight.length
                            + " weights and "
                            + bias.length
                            + " biases");
        }
        weight = weight.clone();
        bias = bias.clone();
    }

    /**
     * Copies an initialised dense layer's parameters.
     *
     * @param head the layer
     * @return its parameters
     */
    public static HeadParameters of(Linear head) {
        NDArray w = parameter(head, "weight").getArray();
        NDArray b = parameter(head, "bias").getArray();
        Shape shape = w.getShape();
        return new HeadParameters(
                Math.toIntExact(shape.get(0)),
                Math.toIntExact(shape.get(1)),
                w.toFloatArray(),
                b.toFloatArray());
    }

    /**
     * Returns a head whose every parameter is 0 (every logit 0: a start that knows nothing).
     *
     * @param classes the classes
     * @param features the features
     * @return the head
     */
    public static HeadParameters zero(int classes, int features) {
        return new HeadParameters(
                classes, features, new float[classes * features], new float[classes]);
    }

    /** Returns a copy of {@code W}, row-major. */
    @Override
    public float[] weight() {
        return weight.clone();
    }

    /** Returns a copy of {@code b}. */
    @Override
    public float[] bias() {
        return bias.clone();
    }

    /** Returns {@code W} as a {@code (classes, features)} array of the manager. */
    NDArray weightArray(NDManager manager) {
        return manager.create(weight, new Shape(classes, features));
    }

    /** Returns {@code b} as a {@code (classes)} array of the manager. */
    NDArray biasArray(NDManager manager) {
        return manager.create(bias, new Shape(classes));
    }

    /**
     * Makes a dense layer's parameters start from these values when it is initialised.
     *
     * @param head a dense layer not yet initialised
     */
    public void startFrom(Linear head) {
        parameter(head, "weight").setInitializer((m, shape, type) -> weightArray(m));
        parameter(head, "bias").setInitializer((m, shape, type) -> biasArray(m));
    }

    /**
     * Replaces an initialised dense layer's parameters with these values.
     *
     * @param head the layer, of these sizes
     * @param manager the manager the new arrays live under (the model's)
     */
    public void writeTo(Linear head, NDManager manager) {
        for (String name : List.of("weight", "bias")) {
            Parameter parameter = parameter(head, name);
            parameter.close(); // forgets the array, keeps the shape: initialize makes it again
            startFrom(head);
            parameter.initialize(manager, DataType.FLOAT32);
        }
    }

    private static Parameter parameter(Linear head, String name) {
        Parameter parameter = head.getParameters().get(name);
        if (parameter == null) {
            throw new IllegalArgumentException("the dense layer has no " + name);
        }
        return parameter;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof HeadParameters h
                && classes == h.classes
                && features == h.features
                && Arrays.equals(weight, h.weight)
                && Arrays.equals(bias, h.bias);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(weight) + Arrays.hashCode(bias);
    }

    @Override
    public String toString() {
        return "head " + classes + " x " + features;
    }
}

package org.learnability.runner.data;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.util.List;

/**
 * A whole set of images in memory, on one device: the fast path's source tensors.
 *
 * @param images {@code (N, C, H, W)} float32; raw pixel values 0 to 255 as loaded, normalised in
 *     place once {@link DataSplits} owns them
 * @param labels {@code (N)} float32 class indices, DJL's convention for labels
 * @param classNames the class names, index = label
 */
public record ImageSet(NDArray images, NDArray labels, List<String> classNames) {

    /** Validates the shapes and types. */
    public ImageSet {
        Shape shape = images.getShape();
        if (shape.dimension() != 4 || images.getDataType() != DataType.FLOAT32) {
            throw new IllegalArgumentException(
                    "images are "
                            + images.getDataType()
                            + " "
                            + shape
                            + "; expected float32 (N, C, H, W)");
        }
        if (labels.getShape().dimension() != 1 || labels.getShape().get(0) != shape.get(0)) {
            throw new IllegalArgumentException(
                    "labels have shape " + labels.getShape() + "; expected (" + shape.get(0) + ")");
        }
        classNames = List.copyOf(classNames);
    }

    /** Returns the number of images N. */
    public int size() {
        return Math.toIntExact(images.getShape().get(0));
    }

    /** Returns the shape of one image, {@code (C, H, W)}. */
    public Shape imageShape() {
        return images.getShape().slice(1);
    }

    /** Copies the labels to Java, as class indices. */
    public int[] labelValues() {
        float[] values = labels.toFloatArray();
        int[] result = new int[values.length];
        for (int i = 0; i < values.length; i++) {
            result[i] = (int) values[i];
        }
        return result;
    }
}

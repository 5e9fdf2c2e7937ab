package org.learnability.runner.training;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.index.NDIndex;
import org.learnability.runner.engine.GradMode;

/**
 * Overwrites an array's values in place, {@code target[...] = source}: an indexed assignment on
 * every engine (PyTorch {@code index_put_}, MXNet {@code _npi_slice_assign}), with autograd
 * recording off, so a parameter keeps its array, its gradient and the optimizer's state of it.
 *
 * <p>Not {@link NDArray#copyTo} or {@link NDArray#set(java.nio.Buffer)}: on PyTorch both go through
 * DJL's native {@code torchSet}, which opens libtorch's deprecated {@code AutoNonVariableTypeMode}
 * guard ({@code ai_djl_pytorch_jni_PyTorchLibrary_tensor.cc}), and its constructor prints a
 * paragraph of deprecation warning on standard error, once per process. No DJL setting turns it
 * off, and {@code TORCH_CPP_LOG_LEVEL=ERROR} (which the launchers set) does not either.
 */
final class InPlace {

    private InPlace() {}

    /**
     * Writes one array's values into another of the same shape.
     *
     * @param source the values
     * @param target the array overwritten
     */
    static void copy(NDArray source, NDArray target) {
        if (!source.getShape().equals(target.getShape())) {
            throw new IllegalArgumentException(
                    "cannot copy " + source.getShape() + " into " + target.getShape());
        }
        try (GradMode off = GradMode.off(target.getManager().getEngine())) {
            target.set(new NDIndex("..."), source);
        }
    }

    /**
     * Writes values into a one-dimensional array of as many.
     *
     * @param values the values
     * @param target the array overwritten
     */
    static void copy(float[] values, NDArray target) {
        try (NDArray source = target.getManager().create(values)) {
            copy(source, target);
        }
    }
}

package org.learnability.runner.training;

import ai.djl.ndarray.LazyNDArray;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;

/**
 * Waits for arrays to be computed. An engine that computes lazily (MXNet) returns from an operation
 * before its result exists; a timer that stops right after would hide the cost in the next
 * operation. Engines that compute eagerly (PyTorch) have nothing to wait for.
 */
public final class ComputedArrays {

    private ComputedArrays() {}

    /**
     * Blocks until every array of the list is computed.
     *
     * @param arrays the arrays
     */
    public static void await(NDList arrays) {
        for (NDArray array : arrays) {
            if (array instanceof LazyNDArray lazy) {
                lazy.waitToRead();
            }
        }
    }
}

package org.learnability.runner.training;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import java.util.ArrayList;
import java.util.List;

/**
 * A copy of every parameter of a block (batch-norm running statistics included), written back on
 * {@link #close()}: what lets an averaged model be scored in the middle of a training that goes on
 * from the raw one.
 */
final class RawParameters implements AutoCloseable {

    private final List<Parameter> parameters = new ArrayList<>();
    private final List<NDArray> copies = new ArrayList<>();

    RawParameters(Block block) {
        for (Parameter p : block.getParameters().values()) {
            parameters.add(p);
            NDArray copy = p.getArray().duplicate();
            copy.setRequiresGradient(false);
            copies.add(copy);
        }
    }

    /** Writes the copies back and frees them. */
    @Override
    public void close() {
        for (int i = 0; i < parameters.size(); i++) {
            InPlace.copy(copies.get(i), parameters.get(i).getArray());
            copies.get(i).close();
        }
    }
}

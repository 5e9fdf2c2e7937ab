package org.learnability.runner.training;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import java.util.ArrayList;
import java.util.List;

/**
 * A running average of a model's trained parameters (those that take a gradient: weights, biases,
 * batch-norm scales and shifts), kept in arrays of its own beside them and updated in place, so
 * that no other copy of the model is made per step:
 *
 * <pre>
 *   ema:  a = d * a + (1 - d) * p        computed as  a = (a - p) * d + p
 *   swa:  a = a + (p - a) / n            computed as  a = (a - p) * (1 - 1/n) + p
 * </pre>
 *
 * The first update of either copies the parameters. A decay of 0 gives the parameters themselves,
 * and averaging identical parameters gives them back, both exactly. Batch-norm running statistics
 * are not averaged: {@link BatchNormStatistics} recomputes them for the averaged parameters.
 */
public final class ParameterAverage implements AutoCloseable {

    private final List<Parameter> parameters;
    private final List<NDArray> averages = new ArrayList<>();
    private long updates;

    /**
     * Starts an average of a block's trained parameters.
     *
     * @param block an initialised block
     */
    public ParameterAverage(Block block) {
        parameters = new ArrayList<>();
        block.getParameters().values().stream()
                .filter(Parameter::requiresGradient)
                .forEach(parameters::add);
    }

    /**
     * Folds the parameters into an exponential moving average.
     *
     * @param decay the weight of the average so far, in [0, 1)
     */
    public void ema(double decay) {
        if (!(decay >= 0 && decay < 1)) {
            throw new IllegalArgumentException("EMA decay " + decay + "; expected [0, 1)");
        }
        fold(decay);
    }

    /** Folds the parameters into a uniform mean: the n-th update weighs them 1/n. */
    public void swa() {
        fold(1 - 1.0 / (updates + 1));
    }

    private void fold(double keep) {
        if (updates == 0) {
            for (Parameter p : parameters) {
                NDArray copy = p.getArray().duplicate();
                copy.setRequiresGradient(false);
                averages.add(copy);
            }
        } else {
            for (int i = 0; i < parameters.size(); i++) {
                NDArray p = parameters.get(i).getArray();
                averages.get(i).subi(p).muli((float) keep).addi(p);
            }
        }
        updates++;
    }

    /**
     * Returns the number of updates folded in.
     *
     * @return 0 before the first
     */
    public long updates() {
        return updates;
    }

    /**
     * Returns the averaged parameters, in the block's parameter order (trained ones only).
     *
     * @return the arrays, owned by this average
     */
    public NDList averages() {
        return new NDList(averages);
    }

    /**
     * Writes the averaged values into the model's parameters.
     *
     * @throws IllegalStateException before the first update
     */
    public void writeTo() {
        if (updates == 0) {
            throw new IllegalStateException("nothing averaged yet");
        }
        for (int i = 0; i < parameters.size(); i++) {
            InPlace.copy(averages.get(i), parameters.get(i).getArray());
        }
    }

    /** Frees the averaged arrays. */
    @Override
    public void close() {
        averages.forEach(NDArray::close);
        averages.clear();
    }
}

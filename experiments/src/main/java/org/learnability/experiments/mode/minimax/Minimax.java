package org.learnability.experiments.mode.minimax;

import java.util.List;

/**
 * What a {@code minimax} model's record says of its training ({@link MinimaxMode}): its options,
 * the images it trained on and those held out, and every update of its weights with the held-out
 * errors that gave it (the weights themselves are the record's {@code epochWeights}).
 *
 * @param settings the mode's options
 * @param trainedOn the training images it trained on
 * @param heldOut the training images held out to measure the errors on
 * @param updates the updates, in order
 */
public record Minimax(MinimaxSettings settings, int trainedOn, int heldOut, List<Update> updates) {

    /** The name of its part in a record. */
    public static final String PART = "minimax";

    /** Takes an immutable copy. */
    public Minimax {
        updates = List.copyOf(updates);
    }

    /**
     * One update of the weights.
     *
     * @param epoch the epoch after which the errors were measured, from 0; the weights act from the
     *     next
     * @param errors each class's error on the held-out images, {@code 1 - TPR_c}
     */
    public record Update(int epoch, List<Double> errors) {

        /** Takes an immutable copy. */
        public Update {
            errors = List.copyOf(errors);
        }
    }
}

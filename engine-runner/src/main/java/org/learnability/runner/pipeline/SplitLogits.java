package org.learnability.runner.pipeline;

import org.learnability.runner.scoring.Logits;

/**
 * A model's logits on the validation and the test split of a session, for what is derived from a
 * trained model without training (post-hoc offsets).
 *
 * @param validation the logits on the validation split, for choices
 * @param test the logits on the test split, for the final comparison only
 */
public record SplitLogits(Logits validation, Logits test) implements AutoCloseable {

    /** Frees both. */
    @Override
    public void close() {
        try {
            validation.close();
        } finally {
            test.close();
        }
    }
}

package org.learnability.experiments.mode;

import java.util.Map;
import org.learnability.api.scores.ClassScores;

/**
 * A model derived from another's logits without training: its scores, and the deriving mode's part
 * of its record.
 *
 * @param validation its scores on the validation split (or the part of it the source is scored on)
 * @param test its scores on the test split
 * @param part how it was derived, by part name, e.g. {@code posthoc}'s offsets
 */
public record Derived(ClassScores validation, ClassScores test, Map<String, Object> part) {

    /** Takes an immutable copy of the part. */
    public Derived {
        part = Map.copyOf(part);
    }
}

package org.learnability.experiments.mode;

import org.learnability.api.scores.ClassScores;
import org.learnability.experiments.record.ModeParts;

/**
 * A model derived from another's logits without training: its scores, and the deriving mode's part
 * of its record.
 *
 * @param validation its scores on the validation split (or the part of it the source is scored on)
 * @param test its scores on the test split
 * @param part how it was derived, e.g. {@code posthoc}'s offsets
 */
public record Derived(ClassScores validation, ClassScores test, ModeParts part) {}

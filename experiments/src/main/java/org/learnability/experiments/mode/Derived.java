package org.learnability.experiments.mode;

import org.learnability.api.scores.ClassScores;
import org.learnability.experiments.record.Posthoc;

/**
 * A model derived from the baseline without training: its scores, and how it was derived.
 *
 * @param validation its scores on the validation split
 * @param test its scores on the test split
 * @param posthoc the logit offsets it adds to the baseline's logits
 */
public record Derived(ClassScores validation, ClassScores test, Posthoc posthoc) {}

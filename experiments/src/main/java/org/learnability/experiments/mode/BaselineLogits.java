package org.learnability.experiments.mode;

import org.learnability.runner.scoring.Logits;

/**
 * The baseline model's logits on the validation and the test split of a seed, for modes that derive
 * models from the baseline without training ({@code posthoc}).
 *
 * @param validation the logits on the validation split, for choices
 * @param test the logits on the test split, for the final comparison only
 */
public record BaselineLogits(Logits validation, Logits test) {}

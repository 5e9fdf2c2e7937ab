package org.learnability.experiments.record;

import java.util.List;

/**
 * What a model scored.
 *
 * @param validation scores on the validation split (the source of the next weights)
 * @param test scores on the test split
 * @param epochValidation the validation scores after each epoch (the model as it stood, averaged
 *     once averaging had begun); empty for a derived model
 * @param collapse its validation accuracy fell below the baseline's by more than the plan's
 *     threshold; null otherwise (and for every baseline)
 */
public record Scores(
        SplitScores validation,
        SplitScores test,
        List<EpochScores> epochValidation,
        Collapse collapse) {

    /** Takes an immutable copy; none without per-epoch scores. */
    public Scores {
        epochValidation = epochValidation == null ? List.of() : List.copyOf(epochValidation);
    }
}

package org.learnability.runner.pipeline;

import ai.djl.Model;
import org.learnability.api.scores.ClassScores;
import org.learnability.runner.data.DataSplits;
import org.learnability.runner.scoring.Logits;
import org.learnability.runner.training.BatchSource;
import org.learnability.runner.training.Scorer;
import org.learnability.runner.training.SplitSource;

/**
 * Scores and logits of a model on a session's validation and test split, each in its own order.
 * {@link Session}'s part for scoring.
 */
final class SessionScoring {

    private final DataSplits splits;
    private final Scorer scorer;

    SessionScoring(DataSplits splits, SessionOptions options) {
        this.splits = splits;
        this.scorer = new Scorer(options.scoringBatchSize(), options.testTimeAugmentation());
    }

    /** The per-class scores on batches in their own order. */
    ClassScores score(Model model, BatchSource data) {
        return scorer.score(model, data, splits.classNames());
    }

    /** The scores on the validation split, which must be usable for weights. */
    ClassScores validation(Model model) {
        return score(model, validationSource());
    }

    /** The scores on the test split. */
    ClassScores test(Model model) {
        return score(model, SplitSource.inOrder(splits.test()));
    }

    /** The logits on the validation and the test split; the caller closes them. */
    SplitLogits logits(Model model) {
        Logits validation = scorer.logits(model, validationSource(), splits.classNames());
        try {
            return new SplitLogits(
                    validation,
                    scorer.logits(model, SplitSource.inOrder(splits.test()), splits.classNames()));
        } catch (RuntimeException e) {
            validation.close();
            throw e;
        }
    }

    private BatchSource validationSource() {
        return SplitSource.inOrder(splits.validation().requireUsableForWeights());
    }
}

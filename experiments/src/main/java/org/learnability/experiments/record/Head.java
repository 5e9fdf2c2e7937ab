package org.learnability.experiments.record;

/**
 * How a {@code head} model's final dense layer was re-trained ({@link HeadRetraining}) and what was
 * chosen on the validation images it did not train on: the L2 and the epochs whose model had the
 * lowest Var(TPR) there among those within {@code --max-accuracy-drop} of the baseline's accuracy
 * on the same images. Its {@code validation} scores in the record are of those images only, and
 * {@code baselineUnseen} holds the baseline's on them, which the arm is compared with there.
 *
 * @param retraining the plan's head settings
 * @param l2 the L2 chosen
 * @param epochs the epochs chosen (0: the layer it started from)
 * @param trainedOn the images the layer trained on
 * @param unseen the validation images it did not train on, where the choice was made
 * @param baselineUnseen the baseline's scores on those images
 */
public record Head(
        HeadRetraining retraining,
        double l2,
        int epochs,
        int trainedOn,
        int unseen,
        SplitScores baselineUnseen) {

    /** The name of its part in a record ({@link ModeParts}). */
    public static final String PART = "head";
}

package org.learnability.experiments.protocol;

import org.learnability.experiments.plan.BaselinePlan;
import org.learnability.experiments.plan.ExperimentPlan;
import org.learnability.runner.data.DatasetDefinition;

/**
 * The checks of a plan that need its data's classes and shape, known once a user's data is found.
 */
final class PlanDataCheck {

    private PlanDataCheck() {}

    /**
     * Checks the plan against its data's classes and shape, known once a user's data is found: the
     * model takes the images ({@code --image-size}), and every mode its options.
     */
    static void check(ExperimentPlan plan, DatasetDefinition data) {
        BaselinePlan baseline = plan.baseline();
        try {
            baseline.model().build(data.imageShape(), data.numClasses());
        } catch (IllegalArgumentException e) {
            if (baseline.imageSize() == 0) {
                throw e;
            }
            throw new IllegalArgumentException(
                    "--image-size " + baseline.imageSize() + ": " + e.getMessage(), e);
        }
        int classes = data.numClasses();
        stratified("--val-size", baseline.valSize(), classes, "held out for validation");
        stratified("--train-size", baseline.trainSize(), classes, "trained on");
        plan.arms().mode().forEach(m -> m.check(plan.view(), data.classNames()));
    }

    /**
     * Checks that a split's size takes an equal count of each class, naming the option: a preset's
     * size (quick's {@code --val-size 2000}) need not fit a user's data set of 3 classes.
     */
    private static void stratified(String option, int size, int classes, String what) {
        if (size % classes != 0) {
            throw new IllegalArgumentException(
                    option
                            + " "
                            + size
                            + " is not a multiple of the data's "
                            + classes
                            + " classes; give "
                            + option
                            + " N with N a multiple of "
                            + classes
                            + " (an equal count of each class "
                            + what
                            + ")");
        }
    }
}

package org.learnability.experiments.stats;

import org.learnability.experiments.record.RunRecord;

/**
 * One trained model with its figures on both splits.
 *
 * @param run the record
 * @param validation the figures on the validation split
 * @param test the figures on the test split
 */
public record ModelFigures(RunRecord run, Figures validation, Figures test) {

    /**
     * Computes the figures of a recorded model.
     *
     * @param run the record
     * @return the model with its figures
     * @throws IllegalArgumentException naming the run when its scores do not match its classes
     */
    public static ModelFigures of(RunRecord run) {
        int classes = run.classNames().size();
        try {
            Figures validation = Figures.of(run.validation());
            Figures test = Figures.of(run.test());
            if (validation.tpr().size() != classes || test.tpr().size() != classes) {
                throw new IllegalArgumentException(
                        classes + " class names but " + test.tpr().size() + " per-class scores");
            }
            return new ModelFigures(run, validation, test);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("run " + run.key() + ": " + e.getMessage(), e);
        }
    }

    /**
     * Returns the seed.
     *
     * @return the run's seed
     */
    public int seed() {
        return run.seed();
    }
}

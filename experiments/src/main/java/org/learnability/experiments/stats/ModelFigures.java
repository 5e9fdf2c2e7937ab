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
        int classes = run.provenance().classNames().size();
        try {
            Figures validation = Figures.of(run.scores().validation());
            Figures test = Figures.of(run.scores().test());
            if (validation.tpr().size() != classes || test.tpr().size() != classes) {
                throw new IllegalArgumentException(
                        classes + " class names but " + test.tpr().size() + " per-class scores");
            }
            return new ModelFigures(run, validation, test);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("run " + run.key() + ": " + e.getMessage(), e);
        }
    }

    /** The epochs whose spreads the swing is taken over: the last 5, or all if fewer. */
    public static final int SWING_EPOCHS = 5;

    /**
     * Returns how much the model's spread swung at the end of its training: the population standard
     * deviation, over its last {@value #SWING_EPOCHS} epochs (all, if fewer), of the per-epoch
     * standard deviation of its validation TPRs.
     *
     * @return the swing; NaN for a record without per-epoch scores
     */
    public double swing() {
        var epochs = run.scores().epochValidation();
        if (epochs.isEmpty()) {
            return Double.NaN;
        }
        double[] spreads =
                epochs.subList(Math.max(0, epochs.size() - SWING_EPOCHS), epochs.size()).stream()
                        .mapToDouble(e -> e.spread())
                        .toArray();
        double mean = java.util.Arrays.stream(spreads).average().orElseThrow();
        double squares = java.util.Arrays.stream(spreads).map(s -> (s - mean) * (s - mean)).sum();
        return Math.sqrt(squares / spreads.length);
    }

    /**
     * Returns the seed.
     *
     * @return the run's seed
     */
    public int seed() {
        return run.provenance().seed();
    }

    /**
     * Returns these figures with other validation figures.
     *
     * @param other the validation figures
     * @return the model's figures, its validation ones replaced
     */
    public ModelFigures withValidation(Figures other) {
        return new ModelFigures(run, other, test);
    }
}

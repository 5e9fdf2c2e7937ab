package org.learnability.experiments.stats;

/**
 * The figures summarised over seeds for every arm, on the test split but for the sd swing (the
 * validation split's, over epochs). The paired ones compare a weighted model with the baseline of
 * the same engine and seed and are undefined for the baseline itself.
 */
public enum Measure {
    /** {@code D = Var(s) - Var(s')}, the source paper's Eq. 7; &gt; 0 means a narrower spread. */
    D(
            "d",
            "D",
            "Var(s) - Var(s'): reduction of the TPR variance against the baseline of the same seed (Eq. 7)",
            true),
    /** Accuracy minus the baseline's accuracy. */
    DELTA_ACCURACY(
            "delta_accuracy",
            "Δ accuracy",
            "accuracy minus the baseline's accuracy, same seed",
            true),
    /** {@code Var(s)}, the population variance of the per-class TPRs, Eq. 6. */
    VARIANCE("var", "Var(s)", "population variance of the per-class TPRs (Eq. 6)", false),
    /** The standard deviation of the per-class TPRs, {@code sqrt(Var(s))}. */
    SD("sd", "sd(s)", "standard deviation of the per-class TPRs, sqrt(Var(s))", false),
    /** Overall accuracy. */
    ACCURACY("accuracy", "accuracy", "overall accuracy", false),
    /** The lowest per-class TPR. */
    WORST_TPR("worst_tpr", "worst-class TPR", "lowest per-class TPR", false),
    /** Highest minus lowest per-class TPR. */
    GAP("gap", "max-min gap", "highest minus lowest per-class TPR", false),
    /** Mean of the per-class F1 scores. */
    MACRO_F1("macro_f1", "macro-F1", "mean of the per-class F1 scores", false),
    /**
     * {@code 1 - sd(s') / sd(s)}: the relative narrowing of the spread against the baseline of the
     * same seed; its columns follow the tests' in {@code summary.csv} (added with the
     * interventions).
     */
    SD_REDUCTION(
            "sd_reduction",
            "sd reduction",
            "1 - sd(s')/sd(s): relative reduction of the TPR standard deviation against the"
                    + " baseline of the same seed",
            true),
    /**
     * How much the spread swung over the last epochs, on the validation split ({@link
     * ModelFigures#swing()}); undefined for records without per-epoch scores. Its columns follow
     * {@link #SD_REDUCTION}'s (added with stable training).
     */
    SD_SWING(
            "sd_swing",
            "sd swing",
            "standard deviation, over the last 5 epochs, of the per-epoch sd of the validation"
                    + " TPRs",
            false),
    /**
     * {@code sd(s) / (1 - accuracy)}: the spread per unit of error ({@link Figures#sdPerError()}).
     * Its columns and those of the three measures after it follow {@link #SD_SWING}'s (added with
     * the figures that separate evenness from accuracy).
     */
    SD_PER_ERROR(
            "sd_per_error",
            "sd/(1−acc)",
            "sd(s) / (1 - accuracy): the spread of the per-class TPRs per unit of error",
            false),
    /** The change of {@link #SD_PER_ERROR} against the baseline of the same seed. */
    DELTA_SD_PER_ERROR(
            "delta_sd_per_error",
            "Δ sd/(1−acc)",
            "sd(s')/(1 - accuracy') - sd(s)/(1 - accuracy): the change of the spread per unit of"
                    + " error against the baseline of the same seed; < 0 is more even per error",
            true),
    /** The sd with the test split's sampling noise taken out ({@link NoiseCorrectedSpread}). */
    SD_CORRECTED(
            "sd_corrected",
            "sd corrected",
            "sqrt(max(0, Var(s) - mean_c s_c(1 - s_c)/n_c)): the sd of the per-class TPRs without"
                    + " the binomial noise of the n_c test images per class",
            false),
    /** The sd the sampling noise alone gives ({@link NoiseCorrectedSpread#noiseSd()}). */
    SD_NOISE(
            "sd_noise",
            "sd of noise",
            "sqrt(mean_c s_c(1 - s_c)/n_c): the sd the test split's binomial noise alone gives the"
                    + " per-class TPRs",
            false);

    private final String column;
    private final String label;
    private final String description;
    private final boolean paired;

    Measure(String column, String label, String description, boolean paired) {
        this.column = column;
        this.label = label;
        this.description = description;
        this.paired = paired;
    }

    /**
     * Returns the prefix of this measure's columns in {@code summary.csv}.
     *
     * @return e.g. {@code d}, giving {@code d_mean}, {@code d_ci_low}, {@code d_ci_high}
     */
    public String column() {
        return column;
    }

    /**
     * Returns the heading in {@code report.md}.
     *
     * @return a short label
     */
    public String label() {
        return label;
    }

    /**
     * Returns what the measure is.
     *
     * @return one sentence
     */
    public String description() {
        return description;
    }

    /**
     * Tells whether the measure compares with the baseline of the same seed.
     *
     * @return {@code true} for D and the change in accuracy
     */
    public boolean paired() {
        return paired;
    }

    /**
     * Returns the value of an unpaired measure for one model.
     *
     * @param f the model's figures on the test split
     * @return the value
     * @throws IllegalStateException for a paired measure
     */
    public double of(Figures f) {
        return switch (this) {
            case VARIANCE -> f.variance();
            case SD -> f.standardDeviation();
            case ACCURACY -> f.accuracy();
            case WORST_TPR -> f.worstTpr();
            case GAP -> f.gap();
            case MACRO_F1 -> f.macroF1();
            case SD_PER_ERROR -> f.sdPerError();
            case SD_CORRECTED -> f.noise().correctedSd();
            case SD_NOISE -> f.noise().noiseSd();
            case D, DELTA_ACCURACY, SD_REDUCTION, DELTA_SD_PER_ERROR ->
                    throw new IllegalStateException(this + " compares two models");
            case SD_SWING -> throw new IllegalStateException(this + " needs the model's epochs");
        };
    }

    /**
     * Returns the value of an unpaired measure for one model.
     *
     * @param m the model
     * @return the value; NaN where the model has no such figure
     */
    public double of(ModelFigures m) {
        return this == SD_SWING ? m.swing() : of(m.test());
    }

    /**
     * Returns the value of a paired measure for one seed.
     *
     * @param p the weighted model beside its baseline
     * @return the value
     */
    public double of(PairedComparison p) {
        return switch (this) {
            case D -> p.d();
            case DELTA_ACCURACY -> p.deltaAccuracy();
            case SD_REDUCTION -> p.sdReduction();
            case DELTA_SD_PER_ERROR -> p.deltaSdPerError();
            default -> of(p.weighted().test());
        };
    }
}

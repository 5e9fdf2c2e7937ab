package org.learnability.experiments.stats;

import java.util.List;

/**
 * An arm beside one of its controls, seed by seed on the test split: its compute-matched control
 * (an unweighted model of the baseline's recipe trained as long as the arm's models cost in all;
 * the baseline for an arm of the baseline's cost) or, for an ensemble, the uniform ensemble of its
 * size. The measures are those against the baseline, with the control in the baseline's place.
 *
 * @param arm the arm
 * @param control the control's name, e.g. {@code control ×2}, {@code baseline}
 * @param pairs each of the arm's models beside the control of its seed; empty where no control is
 *     recorded
 */
public record ControlComparison(ArmResult arm, String control, List<PairedComparison> pairs) {

    /** The name of the control that is the baseline. */
    public static final String BASELINE = "baseline";

    /** Takes an immutable copy. */
    public ControlComparison {
        pairs = List.copyOf(pairs);
    }

    /**
     * Tells whether the control is recorded for any of the arm's seeds.
     *
     * @return {@code true} if there is a pair
     */
    public boolean recorded() {
        return !pairs.isEmpty();
    }

    /**
     * Summarises a paired measure against the control over the seeds both have.
     *
     * @param measure a paired measure, e.g. {@link Measure#SD_REDUCTION}
     * @return its mean and 95% interval; {@code n = 0} without the control
     */
    public SeedStatistics statistics(Measure measure) {
        return SeedStatistics.of(pairs.stream().mapToDouble(measure::of).toArray());
    }

    /**
     * Tests {@code D > 0} against the control over seeds.
     *
     * @return the paired tests; {@code n = 0} without the control
     */
    public Significance significance() {
        return Significance.ofReductions(pairs.stream().mapToDouble(PairedComparison::d).toArray());
    }

    /**
     * Tells whether the arm beat the control: its sd reduction against it has a 95% interval above
     * 0 (two seeds at least).
     *
     * @return {@code true} if it narrowed the spread more than the control, beyond the seeds' noise
     */
    public boolean beaten() {
        SeedStatistics s = statistics(Measure.SD_REDUCTION);
        return s.hasInterval() && s.ciLow() > 0;
    }
}

package org.learnability.experiments.stats;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The arm to use, chosen without the test split: among the arms compared with the baseline on one
 * engine, the one with the largest mean spread reduction on the <em>validation</em> split whose
 * mean validation accuracy change is within the tolerance; its test figures are what judge it.
 * Choosing on the test split would flatter the winner (the best of many noisy test figures is
 * biased upwards).
 *
 * <pre>
 *   sd reduction (validation) = 1 - sd(s'_val) / sd(s_val),   mean over seeds
 *   eligible                  : mean(acc'_val - acc_val) >= -tolerance
 *   chosen                    : the eligible arm of largest mean sd reduction, if it is > 0
 * </pre>
 *
 * @param engine the engine
 * @param tolerance the validation accuracy an arm may give up, {@code --max-accuracy-drop}
 * @param candidates every arm compared with the baseline, with its validation figures, in the
 *     report's order; not the compute-matched controls, which are there to judge the arms
 * @param chosen the recommended arm, if an eligible arm narrows the validation spread
 */
public record Recommendation(
        String engine, double tolerance, List<Candidate> candidates, Optional<Candidate> chosen) {

    /** Takes an immutable copy. */
    public Recommendation {
        candidates = List.copyOf(candidates);
    }

    /**
     * An arm with the validation figures the choice is made on.
     *
     * @param arm the arm
     * @param sdReduction its validation sd reduction over seeds
     * @param deltaAccuracy its validation accuracy change over seeds
     * @param eligible whether its mean accuracy change is within the tolerance
     */
    public record Candidate(
            ArmResult arm,
            SeedStatistics sdReduction,
            SeedStatistics deltaAccuracy,
            boolean eligible) {}

    /**
     * Chooses for every engine of a group.
     *
     * @param group the data set and model
     * @param tolerance the validation accuracy an arm may give up, at least 0
     * @return one recommendation per engine, in the group's order
     */
    public static List<Recommendation> of(ModelGroup group, double tolerance) {
        List<Recommendation> result = new ArrayList<>();
        for (String engine : group.engines()) {
            List<Candidate> candidates = new ArrayList<>();
            for (ArmResult arm : group.weighted()) {
                if (!arm.arm().engine().equals(engine) || MatchedControls.isControl(arm)) {
                    continue;
                }
                double[] reduction =
                        arm.pairs().stream()
                                .mapToDouble(PairedComparison::validationSdReduction)
                                .toArray();
                double[] accuracy =
                        arm.pairs().stream()
                                .mapToDouble(PairedComparison::validationDeltaAccuracy)
                                .toArray();
                SeedStatistics delta = SeedStatistics.of(accuracy);
                candidates.add(
                        new Candidate(
                                arm,
                                SeedStatistics.of(reduction),
                                delta,
                                delta.mean() >= -tolerance));
            }
            Optional<Candidate> chosen = Optional.empty();
            for (Candidate c : candidates) {
                if (c.eligible()
                        && c.sdReduction().mean() > 0
                        && (chosen.isEmpty()
                                || c.sdReduction().mean() > chosen.get().sdReduction().mean())) {
                    chosen = Optional.of(c);
                }
            }
            result.add(new Recommendation(engine, tolerance, candidates, chosen));
        }
        return result;
    }

    /**
     * Whether some arm kept its validation accuracy within the tolerance; when none is chosen
     * although one did, none of them narrowed the validation spread.
     *
     * @return whether any candidate is eligible
     */
    public boolean anyEligible() {
        return candidates.stream().anyMatch(Candidate::eligible);
    }
}

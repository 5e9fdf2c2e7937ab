package org.learnability.experiments.stats;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.learnability.experiments.record.FrontierPoint;
import org.learnability.experiments.record.Posthoc;

/**
 * An arm's offsets trade-off frontier over seeds, from the frontier its post-hoc models record
 * ({@link Posthoc#frontier()}): at every accuracy budget, on the test split against the baseline of
 * the same seed,
 *
 * <pre>
 *   sd reduction = 1 - sd(s'_b) / sd(s)       s'_b the TPRs with the offsets chosen within budget b
 *   Δ accuracy   = accuracy(s'_b) - accuracy(s)
 * </pre>
 *
 * each the mean over seeds with its 95% t interval.
 *
 * @param budgets the budgets, fractions of validation accuracy, ascending
 * @param sdReduction the sd reduction at each budget
 * @param deltaAccuracy the realised change of test accuracy at each budget
 */
public record ArmFrontier(
        List<Double> budgets,
        List<SeedStatistics> sdReduction,
        List<SeedStatistics> deltaAccuracy) {

    /** Takes immutable copies. */
    public ArmFrontier {
        budgets = List.copyOf(budgets);
        sdReduction = List.copyOf(sdReduction);
        deltaAccuracy = List.copyOf(deltaAccuracy);
    }

    /**
     * Summarises an arm's frontier.
     *
     * @param arm the arm
     * @return its frontier; empty for a baseline and for an arm of which a model records none, or
     *     records other budgets than the others
     */
    public static Optional<ArmFrontier> of(ArmResult arm) {
        List<List<FrontierPoint>> seeds = new ArrayList<>();
        for (PairedComparison p : arm.pairs()) {
            List<FrontierPoint> points =
                    p.weighted()
                            .run()
                            .parts()
                            .get(Posthoc.PART, Posthoc.class)
                            .map(Posthoc::frontier)
                            .orElse(List.of());
            seeds.add(points);
        }
        if (seeds.isEmpty() || seeds.get(0).isEmpty()) {
            return Optional.empty();
        }
        List<Double> budgets = seeds.get(0).stream().map(FrontierPoint::budget).toList();
        if (seeds.stream()
                .anyMatch(s -> !s.stream().map(FrontierPoint::budget).toList().equals(budgets))) {
            return Optional.empty();
        }
        List<SeedStatistics> reduction = new ArrayList<>();
        List<SeedStatistics> accuracy = new ArrayList<>();
        for (int b = 0; b < budgets.size(); b++) {
            double[] r = new double[seeds.size()];
            double[] a = new double[seeds.size()];
            for (int i = 0; i < seeds.size(); i++) {
                Figures baseline = arm.pairs().get(i).baseline().test();
                FrontierPoint point = seeds.get(i).get(b);
                double sd = baseline.standardDeviation();
                r[i] = sd == 0 ? Double.NaN : 1 - point.testSd() / sd;
                a[i] = point.testAccuracy() - baseline.accuracy();
            }
            reduction.add(SeedStatistics.of(r));
            accuracy.add(SeedStatistics.of(a));
        }
        return Optional.of(new ArmFrontier(budgets, reduction, accuracy));
    }

    /**
     * Returns the arms of a group that have a frontier, in the group's order.
     *
     * @param group the data set and model
     * @return each arm with its frontier
     */
    public static List<ArmResult> arms(ModelGroup group) {
        return group.weighted().stream().filter(a -> of(a).isPresent()).toList();
    }
}

package org.learnability.experiments.mode.posthoc;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.learnability.api.scores.ClassScores;
import org.learnability.experiments.record.FrontierPoint;
import org.learnability.experiments.stats.Figures;

/**
 * The trade-off frontier of a model's offsets {@code T ln(w_c)}: at each accuracy budget of {@link
 * #BUDGETS}, the {@code T} that narrows the validation spread most while giving up at most that
 * much validation accuracy ({@link TemperatureSweep#choose}), judged on the test split. A user
 * reads off the spread a budget buys instead of one tolerance's answer. Each distinct {@code T}
 * costs one scoring of the test split's logits, which are kept; the network is not run again.
 */
final class OffsetFrontier {

    /** The budgets: 0, 0.25, 0.5, 1 and 2 points of validation accuracy. */
    static final List<Double> BUDGETS = List.of(0.0, 0.0025, 0.005, 0.01, 0.02);

    private final TemperatureSweep sweep;
    private final Function<double[], ClassScores> test;
    private final Map<Integer, ClassScores> tested = new HashMap<>();

    /**
     * Prepares the frontier of swept offsets.
     *
     * @param sweep the offsets scored on validation
     * @param test scores the test split's predictions with given offsets
     */
    OffsetFrontier(TemperatureSweep sweep, Function<double[], ClassScores> test) {
        this.sweep = sweep;
        this.test = test;
    }

    /**
     * Returns the test scores with the offsets of the {@code k}-th {@code T}, scored once.
     *
     * @param k the index of {@code T}
     * @return the scores
     */
    ClassScores test(int k) {
        return tested.computeIfAbsent(k, i -> test.apply(sweep.offsets(i)));
    }

    /**
     * Returns the frontier.
     *
     * @return a point per budget of {@link #BUDGETS}, in their order
     */
    List<FrontierPoint> points() {
        return BUDGETS.stream().map(this::point).toList();
    }

    private FrontierPoint point(double budget) {
        int k = sweep.choose(budget);
        ClassScores validation = sweep.validation(k);
        ClassScores t = test(k);
        return new FrontierPoint(
                budget,
                sweep.temperature(k),
                validation.accuracy(),
                Math.sqrt(Figures.populationVariance(validation.tpr())),
                t.accuracy(),
                Math.sqrt(Figures.populationVariance(t.tpr())));
    }
}

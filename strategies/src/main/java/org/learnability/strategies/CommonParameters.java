package org.learnability.strategies;

import org.learnability.api.scores.ClassScores;
import org.learnability.api.scores.ConfusionMatrix;
import org.learnability.api.scores.Metric;
import org.learnability.api.strategy.ParameterSpec;
import org.learnability.api.strategy.Range;
import org.learnability.api.strategy.StrategyException;
import org.learnability.api.strategy.StrategyParameters;

/**
 * The parameters the built-in strategies share, declared and read in one place:
 *
 * <ul>
 *   <li>{@code metric}: which per-class score {@code s_c} a strategy weights by, {@code tpr}
 *       (default), {@code f1} or {@code precision}; the last two need a confusion matrix.
 *   <li>{@code eps}: the floor, in {@code (0, 0.5]}, default {@code 1e-3}, that a strategy applies
 *       where its formula would divide by zero or give a zero weight. Only strategies that have
 *       such a place declare it.
 *   <li>exponents ({@code gamma}, {@code tau}) in {@code [0, 10]}, and positive rates or
 *       temperatures in {@code (0, inf)}.
 * </ul>
 */
final class CommonParameters {

    /** The key of the metric parameter. */
    static final String METRIC = "metric";

    /** The key of the floor parameter. */
    static final String EPS = "eps";

    /** The default floor. */
    static final double DEFAULT_EPS = 1e-3;

    /** The valid exponents: {@code [0, 10]}. */
    static final Range EXPONENT = Range.closed(0, 10);

    /** The valid floors: {@code (0, 0.5]}. */
    static final Range FLOOR = new Range(0, false, 0.5, true);

    private CommonParameters() {}

    /**
     * Declares the {@code metric} parameter.
     *
     * @return {@code metric}, one of {@code tpr}, {@code f1}, {@code precision}, default {@code
     *     tpr}
     */
    static ParameterSpec metric() {
        return ParameterSpec.choice(
                METRIC,
                "the per-class score s_c: tpr (recall), f1 or precision; f1 and precision need a confusion matrix",
                Metric.TPR.id(),
                Metric.TPR.id(),
                Metric.F1.id(),
                Metric.PRECISION.id());
    }

    /**
     * Declares the {@code eps} parameter.
     *
     * @param where what the floor applies to, for the description
     * @return {@code eps} in {@code (0, 0.5]}, default {@code 1e-3}
     */
    static ParameterSpec eps(String where) {
        return ParameterSpec.number(EPS, "floor: " + where, DEFAULT_EPS, FLOOR);
    }

    /**
     * Declares an exponent.
     *
     * @param name the key
     * @param description what it does
     * @param defaultValue its default
     * @return the parameter, valid in {@code [0, 10]}
     */
    static ParameterSpec exponent(String name, String description, double defaultValue) {
        return ParameterSpec.number(name, description, defaultValue, EXPONENT);
    }

    /**
     * Declares a positive number such as a step size or a temperature.
     *
     * @param name the key
     * @param description what it does
     * @param defaultValue its default
     * @return the parameter, valid in {@code (0, inf)}
     */
    static ParameterSpec positive(String name, String description, double defaultValue) {
        return ParameterSpec.number(name, description, defaultValue, Range.greaterThan(0));
    }

    /**
     * Reads the {@code metric} parameter.
     *
     * @param parameters the validated parameters
     * @return the metric
     */
    static Metric metric(StrategyParameters parameters) {
        return Metric.parse(parameters.text(METRIC));
    }

    /**
     * Reads the {@code eps} parameter.
     *
     * @param parameters the validated parameters
     * @return the floor
     */
    static double eps(StrategyParameters parameters) {
        return parameters.number(EPS);
    }

    /**
     * Returns the per-class scores {@code s} a strategy weights by.
     *
     * @param strategy the strategy name, for the message
     * @param scores the scores
     * @param metric the metric chosen
     * @return {@code s_c} for every class
     * @throws StrategyException if the metric needs a confusion matrix that the scores lack
     */
    static double[] scores(String strategy, ClassScores scores, Metric metric) {
        if (metric != Metric.TPR && scores.confusionMatrix().isEmpty()) {
            throw new StrategyException(
                    "strategy "
                            + strategy
                            + ": metric="
                            + metric.id()
                            + " needs a confusion matrix, but these scores hold TPRs only;"
                            + " use metric=tpr or give scores with a confusion matrix");
        }
        return scores.values(metric);
    }

    /**
     * Returns the confusion matrix a strategy needs.
     *
     * @param strategy the strategy name, for the message
     * @param scores the scores
     * @return their matrix
     * @throws StrategyException if the scores hold TPRs only
     */
    static ConfusionMatrix matrix(String strategy, ClassScores scores) {
        return scores.confusionMatrix()
                .orElseThrow(
                        () ->
                                new StrategyException(
                                        "strategy "
                                                + strategy
                                                + " needs a confusion matrix, but these scores hold TPRs only;"
                                                + " give scores with a confusion matrix"));
    }
}

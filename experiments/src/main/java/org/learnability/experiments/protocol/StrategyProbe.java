package org.learnability.experiments.protocol;

import java.util.List;
import java.util.Map;
import org.learnability.api.scores.ClassScores;
import org.learnability.api.scores.ConfusionMatrix;
import org.learnability.api.strategy.WeightStrategy;
import org.learnability.api.weights.ClassWeights;

/**
 * Calls every strategy once on synthetic scores before anything trains, so that a strategy that
 * throws, or returns weights that are not finite, positive and one per class, fails before a
 * training is spent on it. The registry's strategies name themselves and their jar when they fail.
 */
final class StrategyProbe {

    private StrategyProbe() {}

    /**
     * Calls the strategies.
     *
     * @param strategies the strategies, by spec
     * @param classNames the classes of the experiment's data set
     * @throws IllegalArgumentException naming the strategy, its jar and what went wrong
     */
    static void check(Map<String, WeightStrategy> strategies, List<String> classNames) {
        ClassScores scores =
                ClassScores.of(new ConfusionMatrix(classNames, counts(classNames.size())));
        ClassWeights uniform = ClassWeights.uniform(classNames.size());
        strategies.values().forEach(strategy -> strategy.weights(scores, uniform));
    }

    /**
     * A confusion matrix of 100 samples per class, class c right {@code 50 + 40 c / (C - 1)} times
     * (TPRs from 0.5 to 0.9) and mistaken for the next class otherwise: every score defined and
     * distinct, as from a real baseline.
     */
    static long[][] counts(int classes) {
        long[][] counts = new long[classes][classes];
        for (int c = 0; c < classes; c++) {
            long right = classes == 1 ? 100 : 50 + 40L * c / (classes - 1);
            counts[c][c] += right;
            counts[c][(c + 1) % classes] += 100 - right;
        }
        return counts;
    }
}

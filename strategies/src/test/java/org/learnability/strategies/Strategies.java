package org.learnability.strategies;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.learnability.api.registry.StrategyRegistry;
import org.learnability.api.scores.ClassScores;
import org.learnability.api.scores.ConfusionMatrix;
import org.learnability.api.weights.ClassWeights;

/** Test helpers: the strategies as the registry finds them through ServiceLoader. */
final class Strategies {

    /** The per-class TPRs of the source paper's CIFAR-10 baseline. */
    static final double[] CIFAR10_TPR = {
        0.836, 0.928, 0.709, 0.654, 0.779, 0.724, 0.872, 0.851, 0.854, 0.890
    };

    private Strategies() {}

    /**
     * The registry of the test class path, which holds this module's META-INF/services entry.
     *
     * @return the registry
     */
    static StrategyRegistry registry() {
        return StrategyRegistry.classPath(Strategies.class.getClassLoader());
    }

    /** Weights of a spec for scores, starting from uniform weights. */
    static double[] weights(StrategyRegistry registry, String spec, ClassScores scores) {
        return registry.create(spec)
                .weights(scores, ClassWeights.uniform(scores.numClasses()))
                .values();
    }

    /** Weights of a spec for TPRs, starting from uniform weights. */
    static double[] weights(StrategyRegistry registry, String spec, double... tpr) {
        return weights(registry, spec, ClassScores.ofTpr(tpr));
    }

    /** Scores from a confusion matrix. */
    static ClassScores matrix(long[][] counts) {
        return ClassScores.of(ConfusionMatrix.of(counts));
    }

    /** Compares every weight. */
    static void assertWeights(double[] expected, double[] actual, double tolerance, String what) {
        assertEquals(expected.length, actual.length, what + ": number of weights");
        for (int c = 0; c < expected.length; c++) {
            assertEquals(expected[c], actual[c], tolerance, what + ": weight of class " + c);
        }
    }
}

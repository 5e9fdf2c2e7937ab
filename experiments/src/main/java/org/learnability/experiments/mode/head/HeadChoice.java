package org.learnability.experiments.mode.head;

import java.util.List;
import org.learnability.api.scores.ClassScores;
import org.learnability.experiments.stats.Figures;

/**
 * How the {@code head} mode chooses among its re-trained layers, on the validation images they did
 * not train on, as {@code posthoc} chooses T: the lowest Var(TPR) among the candidates whose
 * accuracy there is at most {@code --max-accuracy-drop} below the baseline's on the same images
 * (the first in the order tried on a tie: the start, then each L2 in turn, epoch by epoch); when
 * none is, the most accurate.
 */
public final class HeadChoice {

    private HeadChoice() {}

    /**
     * One re-trained layer.
     *
     * @param l2 its L2
     * @param epochs its epochs
     * @param scores its scores on the unseen validation images
     * @param <T> what is kept of it
     * @param head what is kept of it, e.g. its parameters
     */
    public record Candidate<T>(double l2, int epochs, ClassScores scores, T head) {}

    /**
     * Chooses.
     *
     * @param candidates the candidates in the order tried
     * @param baselineAccuracy the baseline's accuracy on the same images
     * @param maxAccuracyDrop the accuracy a choice may give up
     * @param <T> what is kept of each
     * @return the chosen one
     */
    public static <T> Candidate<T> choose(
            List<Candidate<T>> candidates, double baselineAccuracy, double maxAccuracyDrop) {
        if (candidates.isEmpty()) {
            throw new IllegalArgumentException("no head to choose from");
        }
        Candidate<T> best = null;
        double bestVariance = Double.POSITIVE_INFINITY;
        for (Candidate<T> c : candidates) {
            double variance = Figures.populationVariance(c.scores().tpr());
            if (c.scores().accuracy() >= baselineAccuracy - maxAccuracyDrop
                    && variance < bestVariance) {
                best = c;
                bestVariance = variance;
            }
        }
        if (best != null) {
            return best;
        }
        Candidate<T> accurate = candidates.get(0);
        for (Candidate<T> c : candidates) {
            if (c.scores().accuracy() > accurate.scores().accuracy()) {
                accurate = c;
            }
        }
        return accurate;
    }
}

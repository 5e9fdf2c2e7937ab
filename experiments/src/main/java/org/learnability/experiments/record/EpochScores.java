package org.learnability.experiments.record;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.learnability.api.scores.ClassScores;
import org.learnability.api.scores.ConfusionMatrix;
import org.learnability.experiments.weighting.Weighting;

/**
 * A model's validation scores after one epoch: its per-class TPRs, and the confusion matrix they
 * come from (rows actual, columns predicted), from which the scores of several epochs are averaged.
 *
 * @param tpr the per-class true-positive rates
 * @param confusionMatrix the counts
 */
public record EpochScores(List<Double> tpr, List<List<Long>> confusionMatrix) {

    /** Takes immutable copies. */
    public EpochScores {
        tpr = List.copyOf(tpr);
        confusionMatrix = confusionMatrix.stream().map(List::copyOf).toList();
    }

    /**
     * Keeps an epoch's scores.
     *
     * @param scores the scores, with their confusion matrix
     * @return them
     */
    public static EpochScores of(ClassScores scores) {
        return new EpochScores(scores.tpr(), SplitScores.of(scores).confusionMatrix());
    }

    /**
     * Returns the mean scores of the last epochs of a weighting's scoring window ({@link
     * #mean(List, int, List)}).
     *
     * @param epochs the scores of every epoch so far, oldest first
     * @param weighting the weighting, whose scoring window counts
     * @param classNames the class names
     * @return the mean scores
     */
    public static ClassScores mean(
            List<EpochScores> epochs, Weighting weighting, List<String> classNames) {
        return mean(epochs, weighting.scoreEpochs(), classNames);
    }

    /**
     * Returns the mean scores of a recorded model's scoring window, where there is one to average:
     * a window above 1 epoch over recorded per-epoch scores.
     *
     * @param epochs the recorded per-epoch scores, oldest first
     * @param weighting the weighting, whose scoring window counts
     * @param classNames the class names
     * @return the mean scores, or empty where the recorded scores themselves count
     */
    public static Optional<ClassScores> window(
            List<EpochScores> epochs, Weighting weighting, List<String> classNames) {
        return weighting.scoreEpochs() <= 1 || epochs.isEmpty()
                ? Optional.empty()
                : Optional.of(mean(epochs, weighting, classNames));
    }

    /**
     * Averages the scores of the last epochs: the confusion matrices summed, which weighs every
     * epoch alike (each sees the whole validation split), so every per-class rate is the mean of
     * the epochs' rates.
     *
     * @param epochs the epochs' scores, in order
     * @param last how many of the last to average, at least 1; fewer if there are fewer
     * @param classNames the class names
     * @return the averaged scores
     */
    public static ClassScores mean(List<EpochScores> epochs, int last, List<String> classNames) {
        if (epochs.isEmpty() || last < 1) {
            throw new IllegalArgumentException(
                    "no epochs to average (" + epochs.size() + " recorded, last " + last + ")");
        }
        int classes = classNames.size();
        long[][] sum = new long[classes][classes];
        for (EpochScores e : epochs.subList(Math.max(0, epochs.size() - last), epochs.size())) {
            for (int a = 0; a < classes; a++) {
                for (int p = 0; p < classes; p++) {
                    sum[a][p] += e.confusionMatrix().get(a).get(p);
                }
            }
        }
        return ClassScores.of(new ConfusionMatrix(classNames, sum));
    }

    /**
     * Returns the population standard deviation of the TPRs: the spread of one epoch.
     *
     * @return sd over the classes
     */
    public double spread() {
        double mean = tpr.stream().mapToDouble(Double::doubleValue).average().orElse(0);
        double squares = tpr.stream().mapToDouble(t -> (t - mean) * (t - mean)).sum();
        return Math.sqrt(squares / tpr.size());
    }

    @Override
    public String toString() {
        return "EpochScores" + Arrays.toString(tpr.toArray());
    }
}

package org.learnability.experiments.record;

import java.util.List;
import org.learnability.api.scores.ClassScores;
import org.learnability.api.scores.ConfusionMatrix;

/**
 * A model's scores on one split, as stored in {@code runs.jsonl}.
 *
 * @param tpr per-class true-positive rate (recall)
 * @param precision per-class precision
 * @param f1 per-class F1
 * @param accuracy overall accuracy
 * @param confusionMatrix counts, rows actual, columns predicted
 */
public record SplitScores(
        List<Double> tpr,
        List<Double> precision,
        List<Double> f1,
        double accuracy,
        List<List<Long>> confusionMatrix) {

    /** Takes immutable copies. */
    public SplitScores {
        tpr = List.copyOf(tpr);
        precision = List.copyOf(precision);
        f1 = List.copyOf(f1);
        confusionMatrix = confusionMatrix.stream().map(List::copyOf).toList();
    }

    /**
     * Stores scores computed from a confusion matrix.
     *
     * @param scores the scores; they must hold their confusion matrix
     * @return the stored form
     */
    public static SplitScores of(ClassScores scores) {
        ConfusionMatrix m = scores.requireMatrix("stored scores");
        List<List<Long>> counts =
                java.util.Arrays.stream(m.counts())
                        .map(row -> java.util.Arrays.stream(row).boxed().toList())
                        .toList();
        return new SplitScores(
                scores.tpr(), scores.precision(), scores.f1(), scores.accuracy(), counts);
    }

    /**
     * Rebuilds the scores, for strategies and statistics.
     *
     * @param classNames the class names
     * @return the scores with their confusion matrix
     */
    public ClassScores toClassScores(List<String> classNames) {
        long[][] counts =
                confusionMatrix.stream()
                        .map(row -> row.stream().mapToLong(Long::longValue).toArray())
                        .toArray(long[][]::new);
        return ClassScores.of(new ConfusionMatrix(classNames, counts));
    }
}

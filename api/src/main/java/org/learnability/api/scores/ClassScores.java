package org.learnability.api.scores;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Per-class scores of a model on one split.
 *
 * <p>From a confusion matrix {@code M} (rows actual, columns predicted), for class {@code c}:
 *
 * <pre>
 *   TPR_c       = M[c][c] / sum_j M[c][j]        (recall; 0 when the class has no samples)
 *   precision_c = M[c][c] / sum_j M[j][c]        (0 when the class is never predicted)
 *   F1_c        = 2 * precision_c * TPR_c / (precision_c + TPR_c)   (0 when both are 0)
 *   accuracy    = trace(M) / sum(M)
 * </pre>
 *
 * A ratio whose denominator is 0 counts as 0, scikit-learn's {@code zero_division=0}.
 *
 * <p>Scores may also hold TPRs alone (for example read from a file of published TPRs); then
 * precision, F1, support and accuracy are not known and asking for them fails with a clear message.
 *
 * @param classNames the class names, in class-index order
 * @param tpr the per-class true-positive rates, each in [0, 1]
 * @param confusionMatrix the matrix the scores come from, if known
 */
public record ClassScores(
        List<String> classNames, List<Double> tpr, Optional<ConfusionMatrix> confusionMatrix) {

    /** Validates the scores and takes immutable copies. */
    public ClassScores {
        if (tpr == null || tpr.isEmpty()) {
            throw new IllegalArgumentException("scores need at least one class");
        }
        classNames = ConfusionMatrix.checkClassNames(classNames, tpr.size());
        for (int c = 0; c < tpr.size(); c++) {
            Double v = tpr.get(c);
            if (v == null || !(v >= 0.0 && v <= 1.0)) {
                throw new IllegalArgumentException(
                        "TPR of class "
                                + c
                                + " ("
                                + classNames.get(c)
                                + ") is "
                                + v
                                + "; a TPR must be in [0, 1]");
            }
        }
        tpr = List.copyOf(tpr);
        confusionMatrix = confusionMatrix == null ? Optional.empty() : confusionMatrix;
        if (confusionMatrix.isPresent() && !confusionMatrix.get().classNames().equals(classNames)) {
            throw new IllegalArgumentException(
                    "confusion matrix classes "
                            + confusionMatrix.get().classNames()
                            + " differ from "
                            + classNames);
        }
    }

    /**
     * Computes all scores from a confusion matrix.
     *
     * @param matrix the matrix
     * @return the scores
     */
    public static ClassScores of(ConfusionMatrix matrix) {
        List<Double> tpr = new ArrayList<>(matrix.numClasses());
        for (int c = 0; c < matrix.numClasses(); c++) {
            tpr.add(ratio(matrix.count(c, c), matrix.support(c)));
        }
        return new ClassScores(matrix.classNames(), tpr, Optional.of(matrix));
    }

    /**
     * Scores that know the per-class TPRs only.
     *
     * @param classNames the class names
     * @param tpr the TPRs
     * @return the scores
     */
    public static ClassScores ofTpr(List<String> classNames, List<Double> tpr) {
        return new ClassScores(classNames, tpr, Optional.empty());
    }

    /**
     * Scores that know the per-class TPRs only, classes named by index.
     *
     * @param tpr the TPRs
     * @return the scores
     */
    public static ClassScores ofTpr(double... tpr) {
        List<Double> list = new ArrayList<>(tpr.length);
        for (double v : tpr) {
            list.add(v);
        }
        return ofTpr(ConfusionMatrix.indexNames(tpr.length), list);
    }

    private static double ratio(long numerator, long denominator) {
        return denominator == 0 ? 0.0 : (double) numerator / denominator;
    }

    /**
     * Returns the number of classes.
     *
     * @return {@code C}
     */
    public int numClasses() {
        return tpr.size();
    }

    /**
     * Returns the confusion matrix, or fails naming what needed it.
     *
     * @param what what needs the matrix, for the message
     * @return the matrix
     */
    public ConfusionMatrix requireMatrix(String what) {
        return confusionMatrix.orElseThrow(
                () ->
                        new IllegalStateException(
                                what
                                        + " needs a confusion matrix, but these scores hold TPRs only"));
    }

    /**
     * Returns the per-class precision.
     *
     * @return precision of every class
     */
    public List<Double> precision() {
        ConfusionMatrix m = requireMatrix("precision");
        List<Double> out = new ArrayList<>(numClasses());
        for (int c = 0; c < numClasses(); c++) {
            out.add(ratio(m.count(c, c), m.predicted(c)));
        }
        return List.copyOf(out);
    }

    /**
     * Returns the per-class F1 score.
     *
     * @return F1 of every class
     */
    public List<Double> f1() {
        requireMatrix("F1");
        List<Double> precision = precision();
        List<Double> out = new ArrayList<>(numClasses());
        for (int c = 0; c < numClasses(); c++) {
            double p = precision.get(c);
            double r = tpr.get(c);
            out.add(p + r == 0.0 ? 0.0 : 2.0 * p * r / (p + r));
        }
        return List.copyOf(out);
    }

    /**
     * Returns the per-class support.
     *
     * @return samples of every class
     */
    public List<Long> support() {
        ConfusionMatrix m = requireMatrix("support");
        List<Long> out = new ArrayList<>(numClasses());
        for (int c = 0; c < numClasses(); c++) {
            out.add(m.support(c));
        }
        return List.copyOf(out);
    }

    /**
     * Returns the overall accuracy.
     *
     * @return correct / total, 0 for an empty matrix
     */
    public double accuracy() {
        ConfusionMatrix m = requireMatrix("accuracy");
        return ratio(m.correct(), m.total());
    }

    /**
     * Returns one metric for every class, as a fresh array.
     *
     * @param metric the metric
     * @return its value per class
     */
    public double[] values(Metric metric) {
        List<Double> list =
                switch (metric) {
                    case TPR -> tpr;
                    case PRECISION -> precision();
                    case F1 -> f1();
                };
        return list.stream().mapToDouble(Double::doubleValue).toArray();
    }
}

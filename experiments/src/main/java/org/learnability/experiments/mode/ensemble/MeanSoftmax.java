package org.learnability.experiments.mode.ensemble;

import java.util.List;
import org.learnability.api.scores.ClassScores;
import org.learnability.api.scores.ConfusionMatrix;

/**
 * The combination of an ensemble's members (Lakshminarayanan et al., "Simple and Scalable
 * Predictive Uncertainty Estimation using Deep Ensembles", NeurIPS 2017): the mean of their softmax
 * outputs, each from the logits its scoring gives (test-time augmentation applied per member),
 *
 * <pre>
 *   p(x) = (1 / K) sum_k softmax(z_k(x)),   predict(x) = argmax_c p_c(x)
 * </pre>
 *
 * in double precision off the device: for one member, {@code p = softmax(z)}, whose argmax is that
 * of {@code z} (the first on a tie, as on the device). Its log, {@code ln p_c(x)}, is what post-hoc
 * offsets are added to.
 */
public final class MeanSoftmax {

    private MeanSoftmax() {}

    /**
     * Returns the softmax of logits, row by row: {@code exp(z_c - max z) / sum_j exp(z_j - max z)}.
     *
     * @param logits {@code (N, C)} logits, row by row
     * @param classes C
     * @return the probabilities, {@code [N][C]}
     */
    public static double[][] softmax(float[] logits, int classes) {
        if (classes < 1 || logits.length % classes != 0) {
            throw new IllegalArgumentException(
                    logits.length + " logits are not rows of " + classes + " classes");
        }
        double[][] p = new double[logits.length / classes][classes];
        for (int i = 0; i < p.length; i++) {
            double max = Double.NEGATIVE_INFINITY;
            for (int c = 0; c < classes; c++) {
                max = Math.max(max, logits[i * classes + c]);
            }
            double sum = 0;
            for (int c = 0; c < classes; c++) {
                p[i][c] = Math.exp(logits[i * classes + c] - max);
                sum += p[i][c];
            }
            for (int c = 0; c < classes; c++) {
                p[i][c] /= sum;
            }
        }
        return p;
    }

    /**
     * Returns the mean of the members' probabilities.
     *
     * @param members each member's {@code [N][C]} probabilities, on the same samples
     * @return {@code p = (1 / K) sum_k p_k}
     */
    public static double[][] mean(List<double[][]> members) {
        if (members.isEmpty()) {
            throw new IllegalArgumentException("an ensemble needs at least one member");
        }
        double[][] first = members.get(0);
        double[][] mean = new double[first.length][];
        for (int i = 0; i < mean.length; i++) {
            mean[i] = new double[first[i].length];
            for (double[][] member : members) {
                if (member.length != first.length || member[i].length != first[i].length) {
                    throw new IllegalArgumentException("the members are not scored on one split");
                }
                for (int c = 0; c < mean[i].length; c++) {
                    mean[i][c] += member[i][c];
                }
            }
            for (int c = 0; c < mean[i].length; c++) {
                mean[i][c] /= members.size();
            }
        }
        return mean;
    }

    /**
     * Scores the predictions {@code argmax_c p_c(x)}, the first class on a tie.
     *
     * @param p the {@code [N][C]} probabilities
     * @param labels the N true classes
     * @param classNames the class names
     * @return the per-class scores with their confusion matrix
     */
    public static ClassScores score(double[][] p, int[] labels, List<String> classNames) {
        if (p.length != labels.length) {
            throw new IllegalArgumentException(p.length + " predictions for " + labels.length);
        }
        long[][] counts = new long[classNames.size()][classNames.size()];
        for (int i = 0; i < p.length; i++) {
            int best = 0;
            for (int c = 1; c < p[i].length; c++) {
                if (p[i][c] > p[i][best]) {
                    best = c;
                }
            }
            counts[labels[i]][best]++;
        }
        return ClassScores.of(new ConfusionMatrix(classNames, counts));
    }

    /**
     * Returns {@code ln p}, row by row, as logits a post-hoc offset is added to.
     *
     * @param p the {@code [N][C]} probabilities
     * @return {@code (N, C)} values, row by row
     */
    public static float[] log(double[][] p) {
        int classes = p.length == 0 ? 0 : p[0].length;
        float[] out = new float[p.length * classes];
        for (int i = 0; i < p.length; i++) {
            for (int c = 0; c < classes; c++) {
                out[i * classes + c] = (float) Math.log(p[i][c]);
            }
        }
        return out;
    }
}

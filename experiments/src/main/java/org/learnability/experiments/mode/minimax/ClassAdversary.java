package org.learnability.experiments.mode.minimax;

import java.util.Arrays;
import java.util.List;
import org.learnability.api.weights.ClassWeights;

/**
 * The adversary of class-minimax training: a distribution {@code q} over the classes that moves
 * towards the classes with the largest error by an exponentiated-gradient step (Sagawa et al.,
 * "Distributionally Robust Neural Networks for Group Shifts", ICLR 2020, Algorithm 1, with the
 * classes as groups and the errors measured on held-out data), and the class weights it gives,
 * mixed with uniform weights:
 *
 * <pre>
 *   q_c  &lt;-  q_c exp(eta err_c) / sum_k q_k exp(eta err_k)       (q starts uniform, 1 / C)
 *   w_c   =  (1 - mix) C q_c + mix                                  (mean 1)
 * </pre>
 *
 * Kept as {@code log q} up to a constant, so that many steps neither overflow nor underflow.
 *
 * @param logQ {@code log q_c} plus one constant
 */
public record ClassAdversary(double[] logQ) {

    /** Checks and copies the values. */
    public ClassAdversary {
        if (logQ.length == 0 || Arrays.stream(logQ).anyMatch(v -> !Double.isFinite(v))) {
            throw new IllegalArgumentException(
                    "log q is " + Arrays.toString(logQ) + "; expected finite values");
        }
        logQ = logQ.clone();
    }

    /**
     * The adversary before any step: every class alike.
     *
     * @param classes the number of classes
     * @return {@code q_c = 1 / C}
     */
    public static ClassAdversary uniform(int classes) {
        return new ClassAdversary(new double[classes]);
    }

    /**
     * One exponentiated-gradient step on the classes' errors.
     *
     * @param errors each class's error on the held-out data, {@code 1 - TPR_c}
     * @param eta the step size
     * @return the adversary after the step
     */
    public ClassAdversary step(List<Double> errors, double eta) {
        if (errors.size() != logQ.length) {
            throw new IllegalArgumentException(
                    errors.size() + " errors for " + logQ.length + " classes");
        }
        double[] next = logQ.clone();
        for (int c = 0; c < next.length; c++) {
            next[c] += eta * errors.get(c);
        }
        double max = Arrays.stream(next).max().orElseThrow();
        return new ClassAdversary(Arrays.stream(next).map(v -> v - max).toArray());
    }

    /**
     * Returns the distribution.
     *
     * @return {@code q}, summing to 1
     */
    public double[] q() {
        double max = Arrays.stream(logQ).max().orElseThrow();
        double[] q = Arrays.stream(logQ).map(v -> Math.exp(v - max)).toArray();
        double sum = Arrays.stream(q).sum();
        return Arrays.stream(q).map(v -> v / sum).toArray();
    }

    /**
     * Returns the class weights, the adversary's distribution mixed with uniform weights.
     *
     * @param mix the share of uniform weight, in (0, 1]
     * @return {@code w_c = (1 - mix) C q_c + mix}
     */
    public ClassWeights weights(double mix) {
        double[] q = q();
        double[] w = new double[q.length];
        for (int c = 0; c < w.length; c++) {
            w[c] = (1 - mix) * q.length * q[c] + mix;
        }
        return ClassWeights.of(w);
    }

    @Override
    public double[] logQ() {
        return logQ.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ClassAdversary other && Arrays.equals(logQ, other.logQ);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(logQ);
    }

    @Override
    public String toString() {
        return "ClassAdversary" + Arrays.toString(q());
    }
}

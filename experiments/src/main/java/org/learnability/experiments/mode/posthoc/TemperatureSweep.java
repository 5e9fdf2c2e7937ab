package org.learnability.experiments.mode.posthoc;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.learnability.api.scores.ClassScores;
import org.learnability.api.weights.ClassWeights;
import org.learnability.experiments.stats.Figures;

/**
 * The offsets {@code b_c = T ln(w_c)} of every {@code T} of {@link PosthocMode}'s grid ({@code 0,
 * 0.05, ..., 5}), each scored once on the validation split, and the choice of {@code T} within an
 * accuracy budget: the lowest Var(TPR) among the {@code T} whose validation accuracy is at most the
 * budget below that of {@code T = 0} (no offsets); the smallest such {@code T} on a tie, and {@code
 * T = 0} always qualifies.
 */
final class TemperatureSweep {

    private final ClassWeights weights;
    private final List<ClassScores> validation = new ArrayList<>();

    /**
     * Scores the validation split at every {@code T}.
     *
     * @param weights the weights {@code w}
     * @param validation scores the validation split's predictions {@code argmax_c (x_c + b_c)}
     */
    TemperatureSweep(ClassWeights weights, Function<double[], ClassScores> validation) {
        this.weights = weights;
        for (int k = 0; k <= PosthocMode.MAX_TEMPERATURE * PosthocMode.STEPS_PER_UNIT; k++) {
            this.validation.add(validation.apply(offsets(k)));
        }
    }

    /** Returns the {@code k}-th {@code T}: {@code k / 20} (0.15, not 3 * 0.05 = 0.150...02). */
    double temperature(int k) {
        return k / (double) PosthocMode.STEPS_PER_UNIT;
    }

    /** Returns the offsets {@code T ln(w_c)} of the {@code k}-th {@code T}. */
    double[] offsets(int k) {
        return PosthocMode.offsets(weights, temperature(k));
    }

    /** Returns the validation scores with the offsets of the {@code k}-th {@code T}. */
    ClassScores validation(int k) {
        return validation.get(k);
    }

    /**
     * Chooses {@code T} within a budget.
     *
     * @param budget how much validation accuracy the offsets may give up
     * @return the index {@code k} of the {@code T} chosen
     */
    int choose(double budget) {
        double least = validation.get(0).accuracy() - budget;
        int best = 0;
        double bestVariance = Double.POSITIVE_INFINITY;
        for (int k = 0; k < validation.size(); k++) {
            ClassScores s = validation.get(k);
            double variance = Figures.populationVariance(s.tpr());
            if (s.accuracy() >= least && variance < bestVariance) {
                best = k;
                bestVariance = variance;
            }
        }
        return best;
    }
}

package org.learnability.experiments.record;

import java.util.Arrays;
import java.util.Locale;
import org.learnability.api.weights.ClassWeights;

/**
 * A weighted model whose validation accuracy fell more than a threshold below its baseline's (same
 * engine and seed): its weights most likely made a few classes all that it predicts.
 *
 * @param baselineAccuracy the baseline's validation accuracy
 * @param accuracy the model's validation accuracy
 * @param threshold the drop beyond which a model counts as collapsed ({@code --collapse-threshold})
 */
public record Collapse(double baselineAccuracy, double accuracy, double threshold) {

    /**
     * Returns how far the model fell.
     *
     * @return baseline accuracy minus the model's, above {@code threshold}
     */
    public double drop() {
        return baselineAccuracy - accuracy;
    }

    /**
     * Describes the collapse of a model in one line: what fell, by how much, and the weights.
     *
     * @param model the collapsed model's record
     * @return e.g. {@code mean-ratio:gamma=2 (seed 1, PyTorch, two-stage) fell 0.534 below ...}
     */
    public String warning(RunRecord model) {
        ClassWeights weights = model.weightsUsed();
        double[] w = weights.values();
        double min = Arrays.stream(w).min().orElseThrow();
        double max = Arrays.stream(w).max().orElseThrow();
        return String.format(
                Locale.ROOT,
                "%s (seed %d, %s, %s) collapsed: its validation accuracy fell %.3f below the"
                        + " baseline's (%.3f -> %.3f, threshold %s); weights %.3g to %.3g (ratio"
                        + " %.1f). Bound them (--max-weight-ratio), mix in uniform weight"
                        + " (--uniform-mix), use a lower exponent, or train longer (--epochs)",
                ModelKey.weighted(model.arm().strategy(), model.arm().variant()),
                model.provenance().seed(),
                model.provenance().engine(),
                model.arm().mode(),
                drop(),
                baselineAccuracy,
                accuracy,
                org.learnability.experiments.weighting.Weighting.number(threshold),
                min,
                max,
                max / min);
    }

    /**
     * Detects a collapse.
     *
     * @param baseline the baseline's validation accuracy
     * @param model the weighted model's validation accuracy
     * @param threshold the largest drop that is not a collapse
     * @return the collapse, or {@code null} when the drop is at most the threshold
     */
    public static Collapse detect(double baseline, double model, double threshold) {
        return baseline - model > threshold ? new Collapse(baseline, model, threshold) : null;
    }
}

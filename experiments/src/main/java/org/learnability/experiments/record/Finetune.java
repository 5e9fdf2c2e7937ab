package org.learnability.experiments.record;

import java.util.ArrayList;
import java.util.List;
import org.learnability.experiments.weighting.Weighting;

/**
 * How a model was fine-tuned from its seed's baseline (deferred re-weighting: Cao et al., "Learning
 * Imbalanced Datasets with Label-Distribution-Aware Margin Loss", NeurIPS 2019, LDAM-DRW): the
 * baseline's parameters trained {@code epochs} more epochs with the weighted loss, a fresh
 * optimizer at a constant {@code learningRate}. Its {@link #variant()} names what differs from the
 * defaults in keys and labels.
 *
 * @param epochs the epochs trained on top of the baseline, 0 for the baseline as it is
 * @param learningRate the fine-tuning's learning rate
 */
public record Finetune(int epochs, double learningRate) {

    /** The name of its part in a record ({@link ModeParts}). */
    public static final String PART = "finetune";

    /**
     * The defaults: one epoch at 1e-4, measured on Fashion-MNIST, {@code cnn-small}, Adam
     * ("Fine-tuning the baseline" in {@code docs/modes-and-interventions.md}).
     */
    public static final Finetune DEFAULT = new Finetune(1, 1e-4);

    /** Checks the values, naming the option at fault. */
    public Finetune {
        if (epochs < 0) {
            throw new IllegalArgumentException(
                    "--finetune-epochs is " + epochs + "; expected a whole number >= 0");
        }
        if (!(learningRate > 0 && Double.isFinite(learningRate))) {
            throw new IllegalArgumentException(
                    "--finetune-lr is " + learningRate + "; expected a number > 0");
        }
    }

    /**
     * Describes how this differs from the defaults, for keys after the weighting's variant.
     *
     * @return e.g. {@code finetune-epochs=3;finetune-lr=0.001}, or empty for the defaults
     */
    public String variant() {
        List<String> parts = new ArrayList<>();
        if (epochs != DEFAULT.epochs) {
            parts.add("finetune-epochs=" + epochs);
        }
        if (learningRate != DEFAULT.learningRate) {
            parts.add("finetune-lr=" + Weighting.number(learningRate));
        }
        return String.join(";", parts);
    }
}

package org.learnability.experiments.plan;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The plan keys and their command-line options: {@code trainSize} is {@code --train-size}, {@code
 * learningRate} is {@code --lr}.
 */
public final class PlanKeys {

    /** Every plan key, in the order {@code plan.json} lists them. */
    public static final List<String> KEYS =
            List.of(
                    "preset",
                    "dataset",
                    "dataDir",
                    "model",
                    "strategies",
                    "seeds",
                    "epochs",
                    "batchSize",
                    "optimizer",
                    "learningRate",
                    "momentum",
                    "weightDecay",
                    "schedule",
                    "trainSize",
                    "valSize",
                    "mode",
                    "rounds",
                    "augment",
                    "loss",
                    "apply",
                    "weightEma",
                    "uniformMix",
                    "warmupEpochs",
                    "maxAccuracyDrop",
                    "maxWeightRatio",
                    "collapseThreshold",
                    "averaging",
                    "scoreEpochs");

    /**
     * Returns the command-line option of a plan key: {@code trainSize} is {@code --train-size},
     * {@code learningRate} is {@code --lr}.
     *
     * @param key the plan key
     * @return the option
     */
    public static String option(String key) {
        if (key.equals("learningRate")) {
            return "--lr";
        }
        return "--" + key.replaceAll("([A-Z])", "-$1").toLowerCase(Locale.ROOT);
    }

    /**
     * Returns the plan key of a command-line option, the inverse of {@link #option}.
     *
     * @param option e.g. {@code --train-size}
     * @return the key, e.g. {@code trainSize}, or empty if the option is not a plan option
     */
    public static Optional<String> key(String option) {
        return KEYS.stream().filter(k -> option(k).equals(option)).findFirst();
    }

    private PlanKeys() {}
}

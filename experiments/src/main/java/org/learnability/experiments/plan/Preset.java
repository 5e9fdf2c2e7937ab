package org.learnability.experiments.plan;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.util.Locale;

/** Ready-made experiments, every plan option given, that explicit options override. */
public enum Preset {
    /**
     * A first look in at most 10 minutes on 2 CPU cores: CIFAR-10, {@code resnet-peifer}, a
     * stratified 10,000-image training subset, 2,000 validation images, 4 epochs, the baseline and
     * {@code mean-ratio:gamma=2} (two-stage, and post-hoc on the baseline's logits), one seed;
     * weights bounded to a largest/smallest ratio of 2 ({@code --max-weight-ratio}), since a
     * baseline this short gives extreme weights (of the bounds 2, 3, 5, 10 and 20, the one that
     * lost the least validation accuracy on a short Fashion-MNIST run; see the README). It shows
     * the pipeline and the size of the imbalance, not whether a strategy helps: one seed has no
     * spread to judge by, and the models are far from converged.
     */
    QUICK(
            """
            {
              "dataset": "cifar10", "dataDir": "", "model": "resnet-peifer",
              "strategies": ["mean-ratio:gamma=2"], "seeds": [1],
              "epochs": 4, "batchSize": 128, "optimizer": "adam", "learningRate": 0.001,
              "momentum": 0.9, "weightDecay": 0, "schedule": "constant",
              "trainSize": 10000, "valSize": 2000, "mode": "two-stage,posthoc", "rounds": 1,
              "augment": false, "maxWeightRatio": 2, "collapseThreshold": 0.05,
              "averaging": "none", "scoreEpochs": 1
            }
            """),
    /**
     * The source paper's set-up: CIFAR-10, {@code resnet-peifer}, 45,000 training and 5,000
     * validation images, Adam with learning rate 1e-3, batch 512, 20 epochs; strategies {@code
     * mean-ratio:gamma=1}, {@code mean-ratio:gamma=2}, {@code shifted-power:gamma=4}, {@code
     * difficulty}, two-stage (and post-hoc on the baseline's logits); 5 seeds; no bound on the
     * weights, as in the paper. Meant for a GPU.
     */
    PAPER(
            """
            {
              "dataset": "cifar10", "dataDir": "", "model": "resnet-peifer",
              "strategies": ["mean-ratio:gamma=1", "mean-ratio:gamma=2",
                             "shifted-power:gamma=4", "difficulty"],
              "seeds": [1, 2, 3, 4, 5],
              "epochs": 20, "batchSize": 512, "optimizer": "adam", "learningRate": 0.001,
              "momentum": 0.9, "weightDecay": 0, "schedule": "constant",
              "trainSize": 45000, "valSize": 5000, "mode": "two-stage,posthoc", "rounds": 1,
              "augment": false, "maxWeightRatio": 0, "collapseThreshold": 0.05,
              "averaging": "none", "scoreEpochs": 1
            }
            """);

    private final String json;

    Preset(String json) {
        this.json = json;
    }

    /**
     * Returns the preset's options, its name as {@code preset} among them.
     *
     * @return every plan option
     */
    public PlanOptions options() {
        JsonObject options = JsonParser.parseString(json).getAsJsonObject();
        options.addProperty("preset", toString());
        return PlanOptions.of(options, "preset " + this);
    }

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}

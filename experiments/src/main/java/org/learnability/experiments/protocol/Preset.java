package org.learnability.experiments.protocol;

import java.util.List;
import java.util.Locale;

/** Ready-made experiments that explicit options override. */
public enum Preset {
    /**
     * A first look in at most 10 minutes on 2 CPU cores: CIFAR-10, {@code resnet-peifer}, a
     * stratified 10,000-image training subset, 2,000 validation images, 4 epochs, the baseline and
     * {@code mean-ratio:gamma=2}, one seed. It shows the pipeline and the size of the imbalance,
     * not whether a strategy helps: one seed has no spread to judge by, and the models are far from
     * converged.
     */
    QUICK(
            new ExperimentPlan(
                    "quick",
                    "cifar10",
                    "",
                    "resnet-peifer",
                    List.of("mean-ratio:gamma=2"),
                    List.of(1),
                    4,
                    128,
                    "adam",
                    1e-3,
                    0.9,
                    0,
                    "constant",
                    10_000,
                    2_000,
                    "two-stage",
                    1,
                    false)),
    /**
     * The source paper's set-up: CIFAR-10, {@code resnet-peifer}, 45,000 training and 5,000
     * validation images, Adam with learning rate 1e-3, batch 512, 20 epochs; strategies {@code
     * mean-ratio:gamma=1}, {@code mean-ratio:gamma=2}, {@code shifted-power:gamma=4}, {@code
     * difficulty}; 5 seeds. Meant for a GPU.
     */
    PAPER(
            new ExperimentPlan(
                    "paper",
                    "cifar10",
                    "",
                    "resnet-peifer",
                    List.of(
                            "mean-ratio:gamma=1",
                            "mean-ratio:gamma=2",
                            "shifted-power:gamma=4",
                            "difficulty"),
                    List.of(1, 2, 3, 4, 5),
                    20,
                    512,
                    "adam",
                    1e-3,
                    0.9,
                    0,
                    "constant",
                    45_000,
                    5_000,
                    "two-stage",
                    1,
                    false));

    private final ExperimentPlan plan;

    Preset(ExperimentPlan plan) {
        this.plan = plan;
    }

    /**
     * Returns the preset's plan.
     *
     * @return the plan
     */
    public ExperimentPlan plan() {
        return plan;
    }

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}

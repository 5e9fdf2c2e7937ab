package org.learnability.experiments.plan;

import java.util.List;
import java.util.stream.Collectors;
import org.learnability.api.strategy.StrategySpec;
import org.learnability.experiments.mode.ExperimentMode;
import org.learnability.runner.data.DatasetDefinition;
import org.learnability.runner.loss.LabelSmoothing;
import org.learnability.runner.loss.LossChoice;
import org.learnability.runner.loss.LossFamily;
import org.learnability.runner.model.InputKind;
import org.learnability.runner.model.ModelArchitecture;
import org.learnability.runner.registry.Named;
import org.learnability.runner.registry.Registry;
import org.learnability.runner.scoring.TestTimeAugmentation;
import org.learnability.runner.training.WeightApplication;

/**
 * The checks of a plan that need the registries, each naming the option at fault and what the
 * registries offer instead: rounds for the modes, the weighting for modes that train, the model for
 * the data, the label smoothing for the loss, augmentation for the data. Every other check is the
 * plan's own or its parts'.
 */
final class PlanChecks {

    private final Registry<DatasetDefinition> datasets;
    private final Registry<ModelArchitecture> models;
    private final Registry<ExperimentMode> modes;
    private final Registry<LossFamily> losses;

    PlanChecks(
            Registry<DatasetDefinition> datasets,
            Registry<ModelArchitecture> models,
            Registry<ExperimentMode> modes,
            Registry<LossFamily> losses) {
        this.datasets = datasets;
        this.models = models;
        this.modes = modes;
        this.losses = losses;
    }

    /** Checks a plan: its arms, then its baseline for the loss of its weighted models. */
    void check(ExperimentPlan plan) {
        ArmPlan arms = plan.arms();
        if (arms.mode().stream().noneMatch(ExperimentMode::usesRounds) && arms.rounds() != 1) {
            throw new IllegalArgumentException(
                    "--rounds is "
                            + arms.rounds()
                            + "; expected 1 unless --mode "
                            + names(
                                    modes.all().stream()
                                            .filter(ExperimentMode::usesRounds)
                                            .toList()));
        }
        if (arms.mode().stream().noneMatch(ExperimentMode::trains)) {
            var weighting = arms.weighting();
            if (!weighting.loss().equals(LossChoice.CROSS_ENTROPY.spec())) {
                throw new IllegalArgumentException(
                        "--loss "
                                + weighting.loss()
                                + " has no effect: --mode "
                                + arms.modeNames()
                                + " trains no model");
            }
            if (weighting.apply() != WeightApplication.LOSS) {
                throw new IllegalArgumentException(
                        "--apply "
                                + weighting.apply()
                                + " has no effect: --mode "
                                + arms.modeNames()
                                + " trains no model");
            }
        }
        check(plan.baseline(), arms.weighting().loss());
    }

    /**
     * Checks a baseline: its data, its model, the label smoothing for the loss of the models
     * trained with it, its augmentation.
     */
    void check(BaselinePlan baseline, StrategySpec lossSpec) {
        baseline.dataset().checkOptions(baseline.dataOptions());
        InputKind input = baseline.dataset().input();
        if (baseline.model().input() != input) {
            throw new IllegalArgumentException(
                    "--model "
                            + baseline.model().name()
                            + " is for "
                            + baseline.model().input().description()
                            + ", but "
                            + baseline.dataset().name()
                            + " is "
                            + input.description()
                            + "; for "
                            + input.description()
                            + " use "
                            + names(
                                    models.all().stream()
                                            .filter(m -> m.input() == input)
                                            .toList()));
        }
        LossChoice.parse(losses, lossSpec.toString())
                .requireTakes(new LabelSmoothing(baseline.labelSmoothing()));
        if (baseline.augment() && baseline.dataset().augmentation().isEmpty()) {
            throw new IllegalArgumentException(
                    "--augment (random crop and flip) is for "
                            + augmentable()
                            + ", not "
                            + baseline.dataset().name());
        }
        if (baseline.testTime() != TestTimeAugmentation.NONE && input != InputKind.IMAGES) {
            throw new IllegalArgumentException(
                    "--test-time "
                            + baseline.testTime()
                            + " (the mean logits of an image and its mirror image) is for images,"
                            + " not "
                            + baseline.dataset().name()
                            + ", "
                            + input.description()
                            + "; give --test-time none");
        }
    }

    /**
     * Checks that a preset's options for images only, which the options given do not set, fit the
     * data set: they are named as the preset's, not as options the user gave.
     *
     * @param preset the preset
     * @param explicit the options given
     * @param all every option, the preset's and the given ones merged
     */
    void checkPresetFits(Preset preset, PlanOptions explicit, PlanOptions all) {
        DatasetDefinition data;
        try {
            data = datasets.get(all.text("dataset"));
        } catch (IllegalArgumentException e) {
            return; // an unknown data set: the plan's own check names it
        }
        PlanOptions set = preset.options();
        if (set.has("augment")
                && set.bool("augment")
                && !explicit.has("augment")
                && all.bool("augment")
                && data.augmentation().isEmpty()) {
            throw new IllegalArgumentException(
                    "--preset "
                            + preset
                            + " turns on --augment (random crop and flip), which is for "
                            + augmentable()
                            + ", not "
                            + data.name()
                            + "; give --no-augment with it");
        }
        if (set.has("testTime")
                && !set.text("testTime").equals(TestTimeAugmentation.NONE.toString())
                && !explicit.has("testTime")
                && all.text("testTime").equals(set.text("testTime"))
                && data.input() != InputKind.IMAGES) {
            throw new IllegalArgumentException(
                    "--preset "
                            + preset
                            + " sets --test-time "
                            + set.text("testTime")
                            + " (the mean logits of an image and its mirror image), which is for"
                            + " images, not "
                            + data.name()
                            + ", "
                            + data.input().description()
                            + "; give --test-time none with it");
        }
    }

    private String augmentable() {
        return names(datasets.all().stream().filter(d -> d.augmentation().isPresent()).toList());
    }

    private static String names(List<? extends Named> things) {
        return things.stream().map(Named::name).collect(Collectors.joining(" or "));
    }
}

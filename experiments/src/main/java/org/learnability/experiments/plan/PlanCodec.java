package org.learnability.experiments.plan;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import org.learnability.experiments.mode.ExperimentMode;
import org.learnability.runner.data.DatasetDefinition;
import org.learnability.runner.model.ModelArchitecture;
import org.learnability.runner.registry.Named;
import org.learnability.runner.registry.Registry;
import org.learnability.runner.training.TrainingSettings;

/**
 * Turns {@link PlanOptions} into a typed {@link ExperimentPlan} and back. Names are resolved once,
 * here, through the registries of data sets, models and modes, so an unknown name lists the known
 * ones; every other check is the plan's own or its parts'.
 *
 * <p>Options come in layers, each over the one before: the {@link Preset}; the defaults of a mode
 * chosen explicitly ({@code iterative}: 3 rounds); the options given explicitly.
 */
public final class PlanCodec {

    private final Registry<DatasetDefinition> datasets;
    private final Registry<ModelArchitecture> models;
    private final Registry<ExperimentMode> modes;

    /**
     * Creates the codec.
     *
     * @param datasets the data sets
     * @param models the architectures
     * @param modes the modes
     */
    @Inject
    public PlanCodec(
            Registry<DatasetDefinition> datasets,
            Registry<ModelArchitecture> models,
            Registry<ExperimentMode> modes) {
        this.datasets = datasets;
        this.models = models;
        this.modes = modes;
    }

    /**
     * Merges a preset with options given explicitly and makes the plan.
     *
     * @param preset the preset
     * @param explicit the options given, by plan key
     * @return the plan
     * @throws IllegalArgumentException naming the option at fault
     */
    public ExperimentPlan resolve(Preset preset, PlanOptions explicit) {
        PlanOptions merged = preset.options();
        if (explicit.has("mode")) {
            ExperimentMode mode = modes.get(explicit.text("mode"));
            merged = merged.overlay(PlanOptions.of(mode.defaults(), "mode " + mode.name()));
        }
        return decode(merged.overlay(explicit));
    }

    /**
     * Makes the plan of a complete set of options.
     *
     * @param options every plan option
     * @return the plan
     * @throws IllegalArgumentException naming the option at fault
     */
    public ExperimentPlan decode(PlanOptions options) {
        DatasetDefinition dataset = datasets.get(options.text("dataset"));
        ModelArchitecture model = models.get(options.text("model"));
        ExperimentMode mode = modes.get(options.text("mode"));
        TrainingSettings training =
                new TrainingSettings(
                        TrainingSettings.Optimizer.parse(options.text("optimizer")),
                        options.number("learningRate"),
                        options.number("momentum"),
                        options.number("weightDecay"),
                        positive("--epochs", options.integer("epochs")),
                        positive("--batch-size", options.integer("batchSize")),
                        TrainingSettings.Schedule.parse(options.text("schedule")),
                        0);
        String dataDir = options.text("dataDir");
        ExperimentPlan plan =
                new ExperimentPlan(
                        options.text("preset"),
                        dataset,
                        dataDir.isEmpty() ? Optional.empty() : Optional.of(Path.of(dataDir)),
                        model,
                        options.texts("strategies"),
                        options.integers("seeds"),
                        training,
                        options.integer("trainSize"),
                        options.integer("valSize"),
                        mode,
                        options.integer("rounds"),
                        options.bool("augment"));
        check(plan);
        return plan;
    }

    /**
     * Returns the options of a plan, every key given.
     *
     * @param plan the plan
     * @return its options
     */
    public JsonObject encode(ExperimentPlan plan) {
        TrainingSettings t = plan.training();
        JsonObject json = new JsonObject();
        json.addProperty("preset", plan.preset());
        json.addProperty("dataset", plan.dataset().name());
        json.addProperty("dataDir", plan.dataDir().map(Path::toString).orElse(""));
        json.addProperty("model", plan.model().name());
        JsonArray strategies = new JsonArray();
        plan.strategies().forEach(strategies::add);
        json.add("strategies", strategies);
        JsonArray seeds = new JsonArray();
        plan.seeds().forEach(seeds::add);
        json.add("seeds", seeds);
        json.addProperty("epochs", t.epochs());
        json.addProperty("batchSize", t.batchSize());
        json.addProperty("optimizer", lower(t.optimizer()));
        json.addProperty("learningRate", t.learningRate());
        json.addProperty("momentum", t.momentum());
        json.addProperty("weightDecay", t.weightDecay());
        json.addProperty("schedule", lower(t.schedule()));
        json.addProperty("trainSize", plan.trainSize());
        json.addProperty("valSize", plan.valSize());
        json.addProperty("mode", plan.mode().name());
        json.addProperty("rounds", plan.rounds());
        json.addProperty("augment", plan.augment());
        return json;
    }

    /** The checks that need the registries: rounds for the mode, augmentation for the data. */
    private void check(ExperimentPlan plan) {
        if (!plan.mode().usesRounds() && plan.rounds() != 1) {
            throw new IllegalArgumentException(
                    "--rounds is "
                            + plan.rounds()
                            + "; expected 1 unless --mode "
                            + names(
                                    modes.all().stream()
                                            .filter(ExperimentMode::usesRounds)
                                            .toList()));
        }
        if (plan.augment() && plan.dataset().augmentation().isEmpty()) {
            throw new IllegalArgumentException(
                    "--augment (random crop and flip) is for "
                            + names(
                                    datasets.all().stream()
                                            .filter(d -> d.augmentation().isPresent())
                                            .toList())
                            + ", not "
                            + plan.dataset().name());
        }
    }

    private static int positive(String option, int value) {
        if (value < 1) {
            throw new IllegalArgumentException(
                    option + " is " + value + "; expected a whole number >= 1");
        }
        return value;
    }

    private static String names(List<? extends Named> things) {
        return things.stream().map(Named::name).collect(Collectors.joining(" or "));
    }

    private static String lower(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }
}

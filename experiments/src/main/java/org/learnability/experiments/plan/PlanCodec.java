package org.learnability.experiments.plan;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import org.learnability.experiments.mode.ExperimentMode;
import org.learnability.experiments.mode.WeightBound;
import org.learnability.experiments.mode.WeightSmoothing;
import org.learnability.runner.data.DatasetDefinition;
import org.learnability.runner.loss.LossChoice;
import org.learnability.runner.loss.LossFamily;
import org.learnability.runner.model.ModelArchitecture;
import org.learnability.runner.registry.Named;
import org.learnability.runner.registry.Registry;
import org.learnability.runner.training.Averaging;
import org.learnability.runner.training.TrainingSettings;
import org.learnability.runner.training.WeightApplication;

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
    private final Registry<LossFamily> losses;

    /**
     * Creates the codec.
     *
     * @param datasets the data sets
     * @param models the architectures
     * @param modes the modes
     * @param losses the loss families
     */
    @Inject
    public PlanCodec(
            Registry<DatasetDefinition> datasets,
            Registry<ModelArchitecture> models,
            Registry<ExperimentMode> modes,
            Registry<LossFamily> losses) {
        this.datasets = datasets;
        this.models = models;
        this.modes = modes;
        this.losses = losses;
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
        return resolve(preset, Optional.empty(), explicit);
    }

    /**
     * Merges a preset, the plan recorded in the experiment directory (if any) and the options given
     * explicitly, each over the one before, and makes the plan: a resumed run keeps what it
     * recorded unless told otherwise, even where the preset has changed since.
     *
     * @param preset the preset
     * @param recorded the options of the recorded plan, if there is one
     * @param explicit the options given, by plan key
     * @return the plan
     * @throws IllegalArgumentException naming the option at fault
     */
    public ExperimentPlan resolve(
            Preset preset, Optional<PlanOptions> recorded, PlanOptions explicit) {
        PlanOptions merged = preset.options();
        if (recorded.isPresent()) {
            merged = merged.overlay(PlanOptions.defaults()).overlay(recorded.get());
        }
        if (explicit.has("mode")) {
            for (ExperimentMode mode : modes(explicit.text("mode"))) {
                merged = merged.overlay(PlanOptions.of(mode.defaults(), "mode " + mode.name()));
            }
        }
        return decode(merged.overlay(explicit));
    }

    /**
     * Makes the plan of a complete set of options; options added after the first {@code plan.json}
     * format take their {@linkplain PlanOptions#defaults() defaults} when missing.
     *
     * @param options every plan option
     * @return the plan
     * @throws IllegalArgumentException naming the option at fault
     */
    public ExperimentPlan decode(PlanOptions options) {
        PlanOptions o = PlanOptions.defaults().overlay(options);
        DatasetDefinition dataset = datasets.get(o.text("dataset"));
        ModelArchitecture model = models.get(o.text("model"));
        List<ExperimentMode> planModes = modes(o.text("mode"));
        TrainingSettings training =
                new TrainingSettings(
                        TrainingSettings.Optimizer.parse(o.text("optimizer")),
                        o.number("learningRate"),
                        o.number("momentum"),
                        o.number("weightDecay"),
                        positive("--epochs", o.integer("epochs")),
                        positive("--batch-size", o.integer("batchSize")),
                        TrainingSettings.Schedule.parse(o.text("schedule")),
                        0,
                        LossChoice.parse(losses, o.text("loss")),
                        WeightApplication.parse(o.text("apply")),
                        Averaging.parse(o.text("averaging")));
        String dataDir = o.text("dataDir");
        ExperimentPlan plan =
                new ExperimentPlan(
                        o.text("preset"),
                        dataset,
                        dataDir.isEmpty() ? Optional.empty() : Optional.of(Path.of(dataDir)),
                        model,
                        o.texts("strategies"),
                        o.integers("seeds"),
                        training,
                        o.integer("trainSize"),
                        o.integer("valSize"),
                        planModes,
                        o.integer("rounds"),
                        o.bool("augment"),
                        new WeightSmoothing(
                                o.number("weightEma"),
                                o.number("uniformMix"),
                                o.integer("warmupEpochs")),
                        o.number("maxAccuracyDrop"),
                        new WeightBound(o.number("maxWeightRatio")),
                        o.number("collapseThreshold"),
                        o.integer("scoreEpochs"));
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
        json.addProperty("mode", plan.modeNames());
        json.addProperty("rounds", plan.rounds());
        json.addProperty("augment", plan.augment());
        json.addProperty("loss", t.loss().toString());
        json.addProperty("apply", t.apply().toString());
        json.addProperty("weightEma", plan.smoothing().ema());
        json.addProperty("uniformMix", plan.smoothing().uniformMix());
        json.addProperty("warmupEpochs", plan.smoothing().warmupEpochs());
        json.addProperty("maxAccuracyDrop", plan.maxAccuracyDrop());
        json.addProperty("maxWeightRatio", plan.bound().maxRatio());
        json.addProperty("collapseThreshold", plan.collapseThreshold());
        json.addProperty("averaging", t.averaging().toString());
        json.addProperty("scoreEpochs", plan.scoreEpochs());
        return json;
    }

    /** The modes of a comma-separated list, each once. */
    private List<ExperimentMode> modes(String names) {
        List<ExperimentMode> list = new ArrayList<>();
        for (String name : names.split(",", -1)) {
            ExperimentMode mode = modes.get(name);
            if (list.contains(mode)) {
                throw new IllegalArgumentException(
                        "--mode lists " + mode.name() + " twice; give each mode once");
            }
            list.add(mode);
        }
        return list;
    }

    /**
     * The checks that need the registries: rounds and warm-up for the modes, the weighting for
     * modes that train, augmentation for the data.
     */
    private void check(ExperimentPlan plan) {
        if (plan.modes().stream().noneMatch(ExperimentMode::usesRounds) && plan.rounds() != 1) {
            throw new IllegalArgumentException(
                    "--rounds is "
                            + plan.rounds()
                            + "; expected 1 unless --mode "
                            + names(
                                    modes.all().stream()
                                            .filter(ExperimentMode::usesRounds)
                                            .toList()));
        }
        int warmup = plan.smoothing().warmupEpochs();
        int epochs = plan.training().epochs();
        if (plan.modes().stream().anyMatch(ExperimentMode::usesWarmup) && warmup >= epochs) {
            throw new IllegalArgumentException(
                    "--warmup-epochs is "
                            + warmup
                            + "; expected a whole number below --epochs ("
                            + epochs
                            + ")");
        }
        if (plan.modes().stream().noneMatch(ExperimentMode::trains)) {
            TrainingSettings t = plan.training();
            if (!t.loss().toString().equals(LossChoice.CROSS_ENTROPY.toString())) {
                throw new IllegalArgumentException(
                        "--loss "
                                + t.loss()
                                + " has no effect: --mode "
                                + plan.modeNames()
                                + " trains no model");
            }
            if (t.apply() != WeightApplication.LOSS) {
                throw new IllegalArgumentException(
                        "--apply "
                                + t.apply()
                                + " has no effect: --mode "
                                + plan.modeNames()
                                + " trains no model");
            }
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

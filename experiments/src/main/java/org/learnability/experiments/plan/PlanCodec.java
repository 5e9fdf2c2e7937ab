package org.learnability.experiments.plan;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import jakarta.inject.Inject;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.learnability.api.strategy.StrategySpec;
import org.learnability.experiments.mode.ExperimentMode;
import org.learnability.experiments.setting.Settings;
import org.learnability.runner.data.DatasetDefinition;
import org.learnability.runner.loss.LossChoice;
import org.learnability.runner.loss.LossFamily;
import org.learnability.runner.model.ModelArchitecture;
import org.learnability.runner.registry.Registry;

/**
 * Turns {@link PlanOptions} into a typed {@link ExperimentPlan} and back, option by option as
 * {@link Settings} declares them: each value read by its declared type, names resolved once, here,
 * through the registries of data sets, models, modes and loss families, so an unknown name lists
 * the known ones; then the checks that need the registries ({@link PlanChecks}).
 *
 * <p>Options come in layers, each over the one before: the {@link Preset}; the plan recorded in the
 * experiment directory, if any; the defaults of a mode chosen explicitly ({@code iterative}: 3
 * rounds); the options given explicitly. A new plan on a user's data set ({@code image-folder},
 * {@code csv}) that gives no training size trains on all that the validation and test splits leave.
 */
public final class PlanCodec {

    private final Registry<DatasetDefinition> datasets;
    private final Registry<ModelArchitecture> models;
    private final Registry<ExperimentMode> modes;
    private final Registry<LossFamily> losses;
    private final PlanChecks checks;
    private final PlanSchema schema;

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
        this.checks = new PlanChecks(datasets, models, modes, losses);
        this.schema = PlanSchema.of(modes.all());
    }

    /**
     * Returns every plan option of the application, the modes' own included.
     *
     * @return the schema
     */
    public PlanSchema schema() {
        return schema;
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
            merged = merged.overlay(schema.defaults()).overlay(recorded.get());
        }
        if (explicit.has("mode")) {
            for (ExperimentMode mode : modes(explicit.text("mode"))) {
                merged = merged.overlay(PlanOptions.of(mode.defaults(), "mode " + mode.name()));
            }
        }
        if (recorded.isEmpty() && !explicit.has(TRAIN_SIZE) && userData(merged.overlay(explicit))) {
            merged = merged.overlay(ALL_THE_SPLITS_LEAVE);
        }
        checks.checkPresetFits(preset, explicit, merged.overlay(explicit));
        return decode(merged.overlay(explicit));
    }

    private static final String TRAIN_SIZE = "trainSize";

    /**
     * The training size of a user's data set unless one is given: all that the validation and test
     * splits leave ({@code trainSize} 0, as {@code plan.json} then records it), not a preset's
     * subset of a built-in data set ({@code quick}'s 10,000 CIFAR-10 images).
     */
    private static final PlanOptions ALL_THE_SPLITS_LEAVE =
            PlanOptions.of(Map.of(TRAIN_SIZE, 0), "a user's data set");

    /** Whether options name a user's data set (an unknown one is left for {@link #decode}). */
    private boolean userData(PlanOptions options) {
        try {
            return datasets.get(options.text("dataset")).userData();
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /**
     * Returns the baseline plan of a preset: its options over the declared defaults, read and
     * checked as {@link #resolve} reads and checks a baseline's. The options of the arms are not
     * read, so that what trains only a preset's baseline ({@code bench --preset}) does not depend
     * on them.
     *
     * @param preset the preset
     * @return what makes the preset's baselines
     * @throws IllegalArgumentException naming the option at fault
     */
    public BaselinePlan baseline(Preset preset) {
        PlanOptions o = schema.defaults().overlay(preset.options());
        BaselinePlan baseline = Settings.bind(BaselinePlan.class, d -> read(o, d));
        checks.check(baseline, LossChoice.CROSS_ENTROPY.spec());
        return baseline;
    }

    /**
     * Makes the plan of a complete set of options; options added after the first {@code plan.json}
     * format take the value they declare for older plans when missing.
     *
     * @param options every plan option
     * @return the plan
     * @throws IllegalArgumentException naming the option at fault
     */
    public ExperimentPlan decode(PlanOptions options) {
        PlanOptions o =
                schema.options(schema.defaults().overlay(options).toJson(), options.where());
        ExperimentPlan plan = schema.bind(d -> read(o, d));
        checks.check(plan);
        return plan;
    }

    /**
     * Returns the options of a plan, every key given, in the {@link PlanSchema}'s order.
     *
     * @param plan the plan
     * @return its options
     */
    public JsonObject encode(ExperimentPlan plan) {
        Map<String, JsonElement> byKey = new LinkedHashMap<>();
        Settings.write(plan, (d, value) -> byKey.put(d.key(), PlanValues.write(value)));
        JsonObject json = new JsonObject();
        byKey.forEach(json::add);
        return schema.ordered(json);
    }

    /**
     * Returns the digests of what a plan's models are made under.
     *
     * @param plan the plan
     * @return the digests a baseline and a weighted model of the plan carry
     */
    public PlanIdentity identity(ExperimentPlan plan) {
        return PlanIdentity.from(encode(plan), schema.declarations());
    }

    /** Reads one option by its declared type. */
    private Object read(PlanOptions o, Settings.Declaration d) {
        String key = d.key();
        Type type = d.type();
        if (type == int.class) {
            return o.integer(key);
        } else if (type == double.class) {
            return o.number(key);
        } else if (type == boolean.class) {
            return o.bool(key);
        } else if (type == String.class) {
            return o.text(key);
        } else if (PlanValues.listOf(type, Integer.class)) {
            return o.integers(key);
        } else if (PlanValues.listOf(type, String.class)) {
            return o.texts(key);
        } else if (PlanValues.listOf(type, ExperimentMode.class)) {
            return modes(o.text(key));
        } else if (type instanceof ParameterizedType p && p.getRawType() == Optional.class) {
            String text = o.text(key);
            return text.isEmpty() ? Optional.empty() : Optional.of(Path.of(text));
        } else if (type == DatasetDefinition.class) {
            return datasets.get(o.text(key));
        } else if (type == ModelArchitecture.class) {
            return models.get(o.text(key));
        } else if (type == StrategySpec.class) {
            return LossChoice.parse(losses, o.text(key)).spec();
        } else if (type instanceof Class<?> c) {
            return PlanValues.parsed(c, o.text(key));
        }
        throw new IllegalStateException("no reader for plan option " + key + " of type " + type);
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
     * Returns the loss family of a spec.
     *
     * @param spec the spec, as a weighting holds it
     * @return the resolved choice
     */
    public LossChoice loss(StrategySpec spec) {
        return LossChoice.parse(losses, spec.toString());
    }
}

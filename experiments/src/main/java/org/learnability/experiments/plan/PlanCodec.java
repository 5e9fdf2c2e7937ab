package org.learnability.experiments.plan;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import jakarta.inject.Inject;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.learnability.api.strategy.StrategySpec;
import org.learnability.experiments.mode.ExperimentMode;
import org.learnability.experiments.setting.Settings;
import org.learnability.runner.data.DatasetDefinition;
import org.learnability.runner.loss.LabelSmoothing;
import org.learnability.runner.loss.LossChoice;
import org.learnability.runner.loss.LossFamily;
import org.learnability.runner.model.InputKind;
import org.learnability.runner.model.ModelArchitecture;
import org.learnability.runner.registry.Named;
import org.learnability.runner.registry.Registry;
import org.learnability.runner.training.WeightApplication;

/**
 * Turns {@link PlanOptions} into a typed {@link ExperimentPlan} and back, option by option as
 * {@link Settings} declares them: each value read by its declared type, names resolved once, here,
 * through the registries of data sets, models, modes and loss families, so an unknown name lists
 * the known ones; every other check is the plan's own or its parts'.
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
        PlanOptions o = PlanOptions.defaults().overlay(preset.options());
        BaselinePlan baseline = Settings.bind(BaselinePlan.class, d -> read(o, d));
        check(baseline, LossChoice.CROSS_ENTROPY.spec());
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
        PlanOptions o = PlanOptions.defaults().overlay(options);
        ExperimentPlan plan = Settings.bind(ExperimentPlan.class, d -> read(o, d));
        check(plan);
        return plan;
    }

    /**
     * Returns the options of a plan, every key given, in {@link PlanOptions#KEYS} order.
     *
     * @param plan the plan
     * @return its options
     */
    public JsonObject encode(ExperimentPlan plan) {
        Map<String, JsonElement> byKey = new LinkedHashMap<>();
        Settings.write(plan, (d, value) -> byKey.put(d.key(), write(value)));
        JsonObject json = new JsonObject();
        PlanOptions.KEYS.forEach(k -> json.add(k, byKey.get(k)));
        return json;
    }

    /**
     * Returns the digests of what a plan's models are made under.
     *
     * @param plan the plan
     * @return the digests a baseline and a weighted model of the plan carry
     */
    public PlanIdentity identity(ExperimentPlan plan) {
        JsonObject all = encode(plan);
        List<String> baseline =
                Settings.declarations(BaselinePlan.class).stream()
                        .map(Settings.Declaration::key)
                        .toList();
        JsonObject baselineOptions = new JsonObject();
        JsonObject armOptions = new JsonObject();
        for (Settings.Declaration d : Settings.declarations(ExperimentPlan.class)) {
            JsonElement value = all.get(d.key());
            if (!d.setting().identity() || d.since().map(value::equals).orElse(false)) {
                continue;
            }
            armOptions.add(d.key(), value);
            if (baseline.contains(d.key())) {
                baselineOptions.add(d.key(), value);
            }
        }
        return new PlanIdentity(sha256(baselineOptions), sha256(armOptions));
    }

    private static String sha256(JsonObject options) {
        try {
            return HexFormat.of()
                    .formatHex(
                            MessageDigest.getInstance("SHA-256")
                                    .digest(options.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is in every Java", e);
        }
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
        } else if (listOf(type, Integer.class)) {
            return o.integers(key);
        } else if (listOf(type, String.class)) {
            return o.texts(key);
        } else if (listOf(type, ExperimentMode.class)) {
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
            return parsed(c, o.text(key));
        }
        throw new IllegalStateException("no reader for plan option " + key + " of type " + type);
    }

    /**
     * A value of a type that reads its own text form: its {@code static parse(String)}, whose
     * {@code toString} writes it back (schedules, optimizers, averaging, weight application,
     * test-time augmentation).
     */
    private static Object parsed(Class<?> type, String text) {
        Method parse;
        try {
            parse = type.getMethod("parse", String.class);
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException("no reader for plan options of type " + type, e);
        }
        try {
            return parse.invoke(null, text);
        } catch (InvocationTargetException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Writes one option's value as {@code plan.json} holds it. */
    private static JsonElement write(Object value) {
        if (value instanceof Number n) {
            return new JsonPrimitive(n);
        } else if (value instanceof Boolean b) {
            return new JsonPrimitive(b);
        } else if (value instanceof Optional<?> optional) {
            return new JsonPrimitive(optional.map(Object::toString).orElse(""));
        } else if (value instanceof Named named) {
            return new JsonPrimitive(named.name());
        } else if (value instanceof Enum<?> e) {
            return new JsonPrimitive(e.toString().toLowerCase(Locale.ROOT));
        } else if (value instanceof List<?> list
                && !list.isEmpty()
                && list.get(0) instanceof ExperimentMode) {
            return new JsonPrimitive(
                    list.stream()
                            .map(m -> ((ExperimentMode) m).name())
                            .collect(Collectors.joining(",")));
        } else if (value instanceof List<?> list) {
            JsonArray array = new JsonArray();
            list.forEach(item -> array.add(write(item)));
            return array;
        } else if (value == null) {
            return JsonNull.INSTANCE;
        }
        return new JsonPrimitive(value.toString());
    }

    private static boolean listOf(Type type, Class<?> item) {
        return type instanceof ParameterizedType p
                && p.getRawType() == List.class
                && p.getActualTypeArguments()[0] == item;
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
     * The checks that need the registries: rounds for the modes, the weighting for modes that
     * train, augmentation for the data.
     */
    private void check(ExperimentPlan plan) {
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
     * The checks of a baseline that need the registries: its data, its model, the label smoothing
     * for the loss of the models trained with it, its augmentation.
     */
    private void check(BaselinePlan baseline, StrategySpec lossSpec) {
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
        loss(lossSpec).requireTakes(new LabelSmoothing(baseline.labelSmoothing()));
        if (baseline.augment() && baseline.dataset().augmentation().isEmpty()) {
            throw new IllegalArgumentException(
                    "--augment (random crop and flip) is for "
                            + names(
                                    datasets.all().stream()
                                            .filter(d -> d.augmentation().isPresent())
                                            .toList())
                            + ", not "
                            + baseline.dataset().name());
        }
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

    private static String names(List<? extends Named> things) {
        return things.stream().map(Named::name).collect(Collectors.joining(" or "));
    }
}

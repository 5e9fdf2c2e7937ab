package org.learnability.experiments.plan;

import com.google.gson.JsonObject;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.learnability.experiments.control.ControlSettings;
import org.learnability.experiments.io.Json;
import org.learnability.experiments.mode.ExperimentMode;
import org.learnability.experiments.setting.OptionGroups;
import org.learnability.experiments.setting.Settings;

/**
 * Every plan option of an application: those {@link ExperimentPlan} declares, {@link
 * ControlSettings}, and those of every registered mode's own group ({@link
 * ExperimentMode#settings}, held by the plan as {@link OptionGroups}), a plugin jar's modes
 * included. The command line, {@code plan.json}, presets and grid files, and the defaults of older
 * plans follow from it.
 */
public final class PlanSchema {

    private final List<Class<? extends Record>> groups;
    private final List<Settings.Declaration> declarations;
    private final List<String> keys;

    private PlanSchema(List<Class<? extends Record>> groups) {
        this.groups = List.copyOf(groups);
        this.declarations = Settings.declarations(ExperimentPlan.class, this.groups);
        this.keys = declarations.stream().map(Settings.Declaration::key).toList();
    }

    /**
     * Returns the schema of some modes: the plan's options and each mode's group, once.
     *
     * @param modes the registered modes
     * @return the schema
     */
    public static PlanSchema of(Collection<? extends ExperimentMode> modes) {
        Set<Class<? extends Record>> groups = new LinkedHashSet<>();
        groups.add(ControlSettings.class);
        groups.add(ValidationSettings.class);
        modes.forEach(m -> m.settings().ifPresent(groups::add));
        return new PlanSchema(List.copyOf(groups));
    }

    /**
     * Returns the modes' option groups.
     *
     * @return their types, in the modes' order
     */
    public List<Class<? extends Record>> groups() {
        return groups;
    }

    /**
     * Returns every option, in the order {@code plan.json} lists them.
     *
     * @return the declarations
     */
    public List<Settings.Declaration> declarations() {
        return declarations;
    }

    /**
     * Returns every plan key, in the order {@code plan.json} lists them.
     *
     * @return the keys
     */
    public List<String> keys() {
        return keys;
    }

    /**
     * Finds the declaration of a command-line option.
     *
     * @param option e.g. {@code --lr}
     * @return its declaration, if it is a plan option
     */
    public Optional<Settings.Declaration> byOption(String option) {
        return declarations.stream().filter(d -> d.option().equals(option)).findFirst();
    }

    /**
     * Returns the command-line option of a plan key.
     *
     * @param key the plan key
     * @return e.g. {@code --train-size} for {@code trainSize}
     */
    public String option(String key) {
        return declarations.stream()
                .filter(d -> d.key().equals(key))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no plan option " + key))
                .option();
    }

    /**
     * Returns the values of the options that older plans do not name, as each option declares them
     * ({@link org.learnability.experiments.setting.Setting#since}).
     *
     * @return those options
     */
    public PlanOptions defaults() {
        JsonObject since = new JsonObject();
        declarations.forEach(d -> d.since().ifPresent(v -> since.add(d.key(), v)));
        return PlanOptions.of(since, "defaults");
    }

    /**
     * Reads options from JSON a user wrote ({@code plan.json}, a grid file), refusing a key that no
     * option has.
     *
     * @param json the options
     * @param where where they come from, for messages
     * @return the options
     * @throws IllegalArgumentException naming the unknown key and the known ones
     */
    public PlanOptions options(JsonObject json, String where) {
        Json.requireKnownKeys(
                json,
                keys,
                key ->
                        new IllegalArgumentException(
                                where
                                        + ": unknown option '"
                                        + key
                                        + "'; known options: "
                                        + String.join(", ", keys)));
        return PlanOptions.of(json, where);
    }

    /**
     * Makes a plan, its groups and the modes' groups from one value per option.
     *
     * @param read the value of an option, of its declared type
     * @return the plan
     * @throws IllegalArgumentException from a check, naming the option
     */
    ExperimentPlan bind(Function<Settings.Declaration, Object> read) {
        return Settings.bind(ExperimentPlan.class, groups, read);
    }

    /**
     * Returns the options of a plan in {@code plan.json}'s order.
     *
     * @param byKey every option's value, by key
     * @return them, ordered
     */
    JsonObject ordered(JsonObject byKey) {
        JsonObject json = new JsonObject();
        keys.forEach(k -> json.add(k, byKey.get(k)));
        return json;
    }
}

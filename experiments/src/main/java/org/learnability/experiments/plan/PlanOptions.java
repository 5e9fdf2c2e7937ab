package org.learnability.experiments.plan;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.learnability.api.strategy.StrategySpec;
import org.learnability.experiments.io.Json;
import org.learnability.experiments.setting.Settings;

/**
 * A plan's options as JSON, by plan key ({@code epochs}, {@code learningRate}, ...): the form of
 * {@code plan.json}, of presets and of grid files, and what command-line options become. Layers of
 * options are merged key by key ({@link #overlay}); {@link PlanCodec} turns a complete set into an
 * {@link ExperimentPlan}. Reading a value names its option and what was expected.
 */
public final class PlanOptions {

    /**
     * The options {@link ExperimentPlan} declares itself, in the order {@code plan.json} lists
     * them; the modes' own options are the {@link PlanSchema}'s.
     */
    private static final List<Settings.Declaration> DECLARATIONS =
            Settings.declarations(ExperimentPlan.class);

    /** The keys of the options {@link ExperimentPlan} declares itself, in order. */
    public static final List<String> KEYS =
            DECLARATIONS.stream().map(Settings.Declaration::key).toList();

    private final JsonObject values;
    private final String where;

    private PlanOptions(JsonObject values, String where) {
        this.values = values;
        this.where = where;
    }

    /**
     * Reads options from JSON, normalising the short forms: {@code seeds} as a count N (seeds 1 to
     * N) or a text such as {@code "4-5"} or {@code "1,3,7"}, {@code strategies} as one
     * comma-separated string, a relative {@code dataDir}.
     *
     * @param json the options
     * @param where where they come from, for messages, e.g. {@code plan.json}
     * @return the options
     * @throws IllegalArgumentException for a value of the wrong form (keys are checked by {@link
     *     PlanSchema#options})
     */
    public static PlanOptions of(JsonObject json, String where) {
        JsonObject copy = json.deepCopy();
        PlanOptions options = new PlanOptions(copy, where);
        options.normaliseSeeds();
        options.normaliseStrategies();
        options.normaliseDataDir();
        return options;
    }

    /**
     * Reads options given as Java values by plan key.
     *
     * @param values the values: strings, numbers, booleans, lists, paths
     * @param where where they come from, for messages
     * @return the options
     */
    public static PlanOptions of(Map<String, ?> values, String where) {
        JsonObject json = new JsonObject();
        values.forEach(
                (key, value) ->
                        json.add(
                                key,
                                value instanceof Path p
                                        ? new JsonPrimitive(p.toString())
                                        : Json.GSON.toJsonTree(value)));
        return of(json, where);
    }

    /**
     * Returns the values of the options {@link ExperimentPlan} declares itself that older plans do
     * not name, as each option declares them ({@link
     * org.learnability.experiments.setting.Setting#since}): the behaviour those plans had. {@link
     * PlanSchema#defaults} adds the modes' own options.
     *
     * @return those options
     */
    public static PlanOptions defaults() {
        JsonObject since = new JsonObject();
        DECLARATIONS.forEach(d -> d.since().ifPresent(v -> since.add(d.key(), v)));
        return of(since, "defaults");
    }

    /**
     * Returns where these options come from, for messages.
     *
     * @return e.g. {@code plan.json}
     */
    public String where() {
        return where;
    }

    /**
     * Returns some of these options.
     *
     * @param keys the keys to keep
     * @return the options of those keys that are given
     */
    public PlanOptions only(String... keys) {
        JsonObject some = new JsonObject();
        for (String key : keys) {
            if (values.has(key)) {
                some.add(key, values.get(key).deepCopy());
            }
        }
        return new PlanOptions(some, where);
    }

    /**
     * Returns these options with every option of another set put over them.
     *
     * @param top the options that win
     * @return the merged options
     */
    public PlanOptions overlay(PlanOptions top) {
        JsonObject merged = values.deepCopy();
        top.values.entrySet().forEach(e -> merged.add(e.getKey(), e.getValue().deepCopy()));
        return new PlanOptions(merged, top.where);
    }

    /**
     * Tells whether an option is given.
     *
     * @param key the plan key
     * @return {@code true} if it has a value
     */
    public boolean has(String key) {
        return values.has(key) && !values.get(key).isJsonNull();
    }

    /**
     * Returns the options as JSON.
     *
     * @return a copy, keys in {@link #KEYS} order
     */
    public JsonObject toJson() {
        JsonObject ordered = new JsonObject();
        KEYS.stream().filter(values::has).forEach(k -> ordered.add(k, values.get(k).deepCopy()));
        values.keySet().stream()
                .filter(k -> !ordered.has(k))
                .forEach(k -> ordered.add(k, values.get(k).deepCopy()));
        return ordered;
    }

    /**
     * Returns a text option.
     *
     * @param key the plan key
     * @return its value
     * @throws IllegalArgumentException if it is missing or not a text
     */
    public String text(String key) {
        return read(key, "a text", e -> e.getAsJsonPrimitive().isString() ? e.getAsString() : null);
    }

    /** Returns a whole-number option; throws, naming it, if it is missing or not a whole number. */
    public int integer(String key) {
        return read(key, "a whole number", PlanOptions::wholeNumber);
    }

    /** Returns a number option; throws, naming it, if it is missing or not a number. */
    public double number(String key) {
        return read(
                key, "a number", e -> e.getAsJsonPrimitive().isNumber() ? e.getAsDouble() : null);
    }

    /** Returns a true/false option; throws, naming it, if it is missing or not true or false. */
    public boolean bool(String key) {
        return read(
                key,
                "true or false",
                e -> e.getAsJsonPrimitive().isBoolean() ? e.getAsBoolean() : null);
    }

    /** Returns a list of texts. */
    List<String> texts(String key) {
        return list(
                key,
                "a list of texts",
                e -> e.getAsJsonPrimitive().isString() ? e.getAsString() : null);
    }

    /** Returns a list of whole numbers. */
    List<Integer> integers(String key) {
        return list(key, "a list of whole numbers", PlanOptions::wholeNumber);
    }

    private static Integer wholeNumber(JsonElement e) {
        if (!e.getAsJsonPrimitive().isNumber()) {
            return null;
        }
        double d = e.getAsDouble();
        return d == Math.rint(d) && Math.abs(d) <= Integer.MAX_VALUE ? (int) d : null;
    }

    private <T> T read(String key, String expected, Function<JsonElement, T> convert) {
        JsonElement e = require(key);
        T value = e.isJsonPrimitive() ? convert.apply(e) : null;
        if (value == null) {
            throw wrong(key, e, expected);
        }
        return value;
    }

    private <T> List<T> list(String key, String expected, Function<JsonElement, T> convert) {
        JsonElement e = require(key);
        if (!e.isJsonArray()) {
            throw wrong(key, e, expected);
        }
        List<T> result = new ArrayList<>();
        for (JsonElement item : e.getAsJsonArray()) {
            T value = item.isJsonPrimitive() ? convert.apply(item) : null;
            if (value == null) {
                throw wrong(key, e, expected);
            }
            result.add(value);
        }
        return result;
    }

    private JsonElement require(String key) {
        if (!has(key)) {
            throw new IllegalArgumentException(where + ": option '" + key + "' is missing");
        }
        return values.get(key);
    }

    private IllegalArgumentException wrong(String key, JsonElement value, String expected) {
        return new IllegalArgumentException(
                where + ": " + key + " is " + value + "; expected " + expected);
    }

    /**
     * {@code seeds: N} means seeds 1 to N; a text is {@link SeedList}'s form ({@code "4-5"}, {@code
     * "1,3,7"}).
     */
    private void normaliseSeeds() {
        JsonElement seeds = values.get("seeds");
        if (seeds == null || !seeds.isJsonPrimitive()) {
            return;
        }
        String text;
        if (seeds.getAsJsonPrimitive().isNumber()) {
            text = Integer.toString(integer("seeds"));
        } else if (seeds.getAsJsonPrimitive().isString()) {
            text = seeds.getAsString();
        } else {
            return;
        }
        JsonArray list = new JsonArray();
        SeedList.parse(text).forEach(list::add);
        values.add("seeds", list);
    }

    /** {@code strategies: "a:k=v,b"} is a comma-separated list of specs. */
    private void normaliseStrategies() {
        JsonElement strategies = values.get("strategies");
        if (strategies != null
                && strategies.isJsonPrimitive()
                && strategies.getAsJsonPrimitive().isString()) {
            JsonArray list = new JsonArray();
            StrategySpec.parseList(strategies.getAsString()).forEach(s -> list.add(s.toString()));
            values.add("strategies", list);
        }
    }

    /** A relative data directory is relative to the working directory. */
    private void normaliseDataDir() {
        if (has("dataDir") && !text("dataDir").isEmpty()) {
            values.addProperty(
                    "dataDir", Path.of(text("dataDir")).toAbsolutePath().normalize().toString());
        }
    }
}

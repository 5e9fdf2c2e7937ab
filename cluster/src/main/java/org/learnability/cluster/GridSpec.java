package org.learnability.cluster;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.learnability.experiments.io.Json;
import org.learnability.experiments.plan.Preset;

/**
 * A grid file: the plan options every experiment shares ({@code fixed}), the values of those that
 * vary ({@code vary}: each experiment takes one value of each, every combination once), the preset
 * under both (default {@code quick}), and the engines (default: the one the process chose). A grid
 * of unlike experiments names them in {@code experiments}, each with the options it sets over
 * {@code fixed}; {@code vary} then multiplies them. Every option is a plan option of {@code run},
 * by its {@code plan.json} key:
 *
 * <pre>{@code
 * {
 *   "preset": "quick",
 *   "fixed": {"dataset": "fashion-mnist", "model": "cnn-small", "epochs": 2, "seeds": 4},
 *   "vary": {"loss": ["ce", "focal:gamma=2"], "mode": ["two-stage", "posthoc"]},
 *   "engines": ["PyTorch", "MXNet"]
 * }
 * }</pre>
 *
 * <pre>{@code
 * {
 *   "fixed": {"dataset": "fashion-mnist", "model": "cnn-small", "seeds": 5},
 *   "experiments": {
 *     "focal": {"loss": "focal:gamma=2", "strategies": ["uniform", "mean-ratio:gamma=2"]},
 *     "cosine": {"schedule": "cosine"}
 *   }
 * }
 * }</pre>
 *
 * @param file where it was read, for messages
 * @param preset the preset under the options
 * @param fixed the options every experiment shares
 * @param vary the values of every option that varies, in the file's order
 * @param engines the engines, empty for the process's
 * @param named the named experiments and the options each sets over {@code fixed}, in the file's
 *     order; empty for one experiment of {@code fixed} alone
 */
public record GridSpec(
        Path file,
        Preset preset,
        JsonObject fixed,
        Map<String, List<JsonElement>> vary,
        List<String> engines,
        Map<String, JsonObject> named) {

    private static final Set<String> KEYS =
            Set.of("preset", "fixed", "vary", "engines", "experiments");

    /**
     * Reads a grid file.
     *
     * @param file the file
     * @return the grid
     * @throws IllegalArgumentException naming the file and what is wrong, in one line
     */
    public static GridSpec read(Path file) {
        JsonElement root = Json.readFile(file);
        if (!root.isJsonObject()) {
            throw fail(file, "expected a JSON object with \"fixed\" and \"vary\"");
        }
        JsonObject object = root.getAsJsonObject();
        Json.requireKnownKeys(
                object,
                KEYS,
                key ->
                        fail(
                                file,
                                "unknown key \""
                                        + key
                                        + "\"; expected preset, fixed, experiments, vary and"
                                        + " engines"));
        Preset preset = Preset.QUICK;
        if (object.has("preset")) {
            String name = text(file, object.get("preset"), "preset");
            preset =
                    List.of(Preset.values()).stream()
                            .filter(p -> p.toString().equals(name))
                            .findFirst()
                            .orElseThrow(
                                    () ->
                                            fail(
                                                    file,
                                                    "unknown preset '"
                                                            + name
                                                            + "'; expected "
                                                            + Preset.choices()));
        }
        JsonObject fixed =
                object.has("fixed") ? object(file, object.get("fixed"), "fixed") : new JsonObject();
        Map<String, List<JsonElement>> vary = new LinkedHashMap<>();
        if (object.has("vary")) {
            for (Map.Entry<String, JsonElement> e :
                    object(file, object.get("vary"), "vary").entrySet()) {
                if (!e.getValue().isJsonArray() || e.getValue().getAsJsonArray().isEmpty()) {
                    throw fail(
                            file,
                            "vary."
                                    + e.getKey()
                                    + " is "
                                    + e.getValue()
                                    + "; expected a non-empty list of values");
                }
                if (fixed.has(e.getKey())) {
                    throw fail(file, e.getKey() + " is both fixed and varied; give it once");
                }
                List<JsonElement> values = new ArrayList<>();
                e.getValue().getAsJsonArray().forEach(values::add);
                vary.put(e.getKey(), values);
            }
        }
        List<String> engines = new ArrayList<>();
        if (object.has("engines")) {
            JsonElement list = object.get("engines");
            if (!list.isJsonArray() || list.getAsJsonArray().isEmpty()) {
                throw fail(file, "engines is " + list + "; expected a list of engine names");
            }
            for (JsonElement engine : list.getAsJsonArray()) {
                engines.add(text(file, engine, "engines"));
            }
        }
        Map<String, JsonObject> named = new LinkedHashMap<>();
        if (object.has("experiments")) {
            for (Map.Entry<String, JsonElement> e :
                    object(file, object.get("experiments"), "experiments").entrySet()) {
                JsonObject options = object(file, e.getValue(), "experiments." + e.getKey());
                for (String key : options.keySet()) {
                    if (vary.containsKey(key)) {
                        throw fail(
                                file,
                                "experiments."
                                        + e.getKey()
                                        + " sets "
                                        + key
                                        + ", which vary varies; give it in one place");
                    }
                }
                named.put(e.getKey(), options);
            }
        }
        return new GridSpec(file, preset, fixed, vary, engines, named);
    }

    /**
     * Returns the options of every experiment: each named experiment's options (or, without any,
     * the fixed ones alone) with each combination of the varied values, the first varied option
     * changing slowest; an experiment's name is its own, then the varied values.
     *
     * @return the named option sets, in order
     */
    public List<Named> experiments() {
        List<Named> experiments = new ArrayList<>();
        if (named.isEmpty()) {
            experiments.add(new Named("", fixed.deepCopy()));
        }
        for (Map.Entry<String, JsonObject> experiment : named.entrySet()) {
            JsonObject merged = fixed.deepCopy();
            experiment.getValue().entrySet().forEach(o -> merged.add(o.getKey(), o.getValue()));
            experiments.add(new Named(experiment.getKey(), merged));
        }
        for (Map.Entry<String, List<JsonElement>> option : vary.entrySet()) {
            List<Named> next = new ArrayList<>();
            for (Named partial : experiments) {
                for (JsonElement value : option.getValue()) {
                    JsonObject options = partial.options().deepCopy();
                    options.add(option.getKey(), value);
                    String part = option.getKey() + "=" + compact(value);
                    next.add(
                            new Named(
                                    partial.name().isEmpty() ? part : partial.name() + " " + part,
                                    options));
                }
            }
            experiments = next;
        }
        return experiments;
    }

    /**
     * One experiment's options, named by its varied values.
     *
     * @param name e.g. {@code loss=focal:gamma=2 mode=posthoc}; empty for a grid that varies
     *     nothing
     * @param options its plan options over the preset
     */
    public record Named(String name, JsonObject options) {}

    private static String compact(JsonElement value) {
        if (value.isJsonPrimitive()) {
            return value.getAsString();
        }
        if (value.isJsonArray()) {
            List<String> items = new ArrayList<>();
            for (JsonElement item : (JsonArray) value) {
                items.add(compact(item));
            }
            return String.join("+", items);
        }
        return value.toString();
    }

    private static JsonObject object(Path file, JsonElement element, String key) {
        if (!element.isJsonObject()) {
            throw fail(file, key + " is " + element + "; expected an object of plan options");
        }
        return element.getAsJsonObject();
    }

    private static String text(Path file, JsonElement element, String key) {
        if (!element.isJsonPrimitive() || !element.getAsJsonPrimitive().isString()) {
            throw fail(file, key + " is " + element + "; expected a name");
        }
        return element.getAsString();
    }

    private static IllegalArgumentException fail(Path file, String problem) {
        return new IllegalArgumentException(file + ": " + problem);
    }
}

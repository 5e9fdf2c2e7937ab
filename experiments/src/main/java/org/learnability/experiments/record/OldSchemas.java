package org.learnability.experiments.record;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.learnability.experiments.io.Json;
import org.learnability.experiments.weighting.Weighting;

/**
 * Reads a record of schema 1 to 6, which held every field at the top, into the nested form of
 * schema 7 ({@link RunRecord}): each field moves into its part under its own name, {@code posthoc},
 * {@code finetune} and {@code head} become mode parts of those names, and what an older schema
 * lacks takes the value its records were trained with: the paper's weighting (see {@link
 * #nestWeighting}) and training variant (a constant rate, no averaging, warm-up, smoothing or
 * test-time augmentation). The arm's {@code variant} is computed as the key of such a record named
 * it. A record of schema 1 to 4 keeps no {@code trainedImages}: it did not record its cost.
 */
final class OldSchemas {

    /** The fine-tune options records of schemas 5 and 6 left out of their keys. */
    private static final Finetune FINETUNE_KEYED = new Finetune(1, 1e-4);

    /** The head options records of schema 6 left out of their keys. */
    private static final HeadRetraining HEAD_KEYED =
            new HeadRetraining(
                    HeadRetraining.Data.HOLDOUT, HeadRetraining.Init.BASELINE, 10, 0.001);

    /** The part each field of schemas 1 to 6 moves to; the empty path is the top. */
    private static final Map<String, String> PARTS = layout();

    private static final String VARIANT = "training.variant";

    /** The first schema that records a model's cost, {@code trainedImages}. */
    private static final int COST_SCHEMA = 5;

    private OldSchemas() {}

    private static Map<String, String> layout() {
        Map<String, String> parts = new LinkedHashMap<>();
        List.of("key", "savedModel").forEach(f -> parts.put(f, ""));
        List.of(
                        "dataset",
                        "model",
                        "engine",
                        "engineVersion",
                        "device",
                        "seed",
                        "classNames",
                        "planHash",
                        "testSplit")
                .forEach(f -> parts.put(f, "provenance"));
        List.of("mode", "strategy", "round", "weighting", "weights", "epochWeights")
                .forEach(f -> parts.put(f, "arm"));
        List.of("epochs", "trainSize").forEach(f -> parts.put(f, "training"));
        List.of("schedule", "averaging", "warmup", "labelSmoothing", "testTime")
                .forEach(f -> parts.put(f, VARIANT));
        List.of("trainedImages", "wallSeconds", "imagesPerSecond", "finishedAt")
                .forEach(f -> parts.put(f, "cost"));
        List.of("validation", "test", "epochValidation", "collapse")
                .forEach(f -> parts.put(f, "scores"));
        List.of(Posthoc.PART, Finetune.PART, Head.PART).forEach(f -> parts.put(f, "parts"));
        return Map.copyOf(parts);
    }

    /**
     * Returns where a field of schemas 1 to 6 is in schema 7.
     *
     * @param field the field's name at the top of an older record, e.g. {@code dataset}
     * @return its path, e.g. {@code provenance.dataset}
     */
    static String nested(String field) {
        String part = PARTS.get(field);
        return part == null || part.isEmpty() ? field : part + "." + field;
    }

    /**
     * Returns the value at a path of nested objects.
     *
     * @param object the object
     * @param path e.g. {@code provenance.dataset}
     * @return the value, or null where the path ends early
     */
    static JsonElement at(JsonObject object, String path) {
        JsonElement value = object;
        for (String name : path.split("\\.")) {
            if (value == null || !value.isJsonObject()) {
                return null;
            }
            value = value.getAsJsonObject().get(name);
        }
        return value;
    }

    /**
     * Moves a record of schema 1 to 3 to the nested weighting of schema 4: the weighting's parts,
     * which those schemas held beside the other fields under the same names, moved into one {@code
     * weighting} object; parts an older schema lacks take the paper's values, which those records
     * were trained with. A record that has its {@code weighting} is returned as it is.
     *
     * @param flat the record
     * @return a copy with its {@code weighting}
     */
    static JsonObject nestWeighting(JsonObject flat) {
        if (flat.has("weighting")) {
            return flat;
        }
        JsonObject record = flat.deepCopy();
        JsonObject weighting = Json.GSON.toJsonTree(Weighting.PAPER).getAsJsonObject();
        overlay(weighting, record, true);
        record.add("weighting", weighting);
        return record;
    }

    /**
     * Reads a record of schema 4 to 6 (or one of 1 to 3 {@linkplain #nestWeighting with its
     * weighting nested}) into the form of schema 7.
     *
     * @param flat the record
     * @param schema its schema
     * @return the record of schema 7
     */
    static JsonObject upgrade(JsonObject flat, int schema) {
        JsonObject nested = new JsonObject();
        nested.addProperty("schema", RunRecord.SCHEMA);
        for (Map.Entry<String, JsonElement> field : flat.entrySet()) {
            String part = PARTS.get(field.getKey());
            if (part != null && !part.equals(VARIANT) && !field.getValue().isJsonNull()) {
                group(nested, part).add(field.getKey(), field.getValue().deepCopy());
            }
        }
        if (schema < COST_SCHEMA) {
            group(nested, "cost").remove("trainedImages");
        }
        JsonObject variant = Json.GSON.toJsonTree(TrainingVariant.PAPER).getAsJsonObject();
        overlay(variant, flat, false);
        group(nested, "training").add("variant", variant);
        group(nested, "arm").addProperty("variant", variant(nested));
        return nested;
    }

    /** Copies the fields of the part that the record holds, removing them from it if asked. */
    private static void overlay(JsonObject part, JsonObject record, boolean remove) {
        for (String name : List.copyOf(part.keySet())) {
            JsonElement value = remove ? record.remove(name) : record.get(name);
            if (value != null && !value.isJsonNull()) {
                part.add(name, value);
            }
        }
    }

    /** The variant the key of an older record named, from the parts it is made of. */
    private static String variant(JsonObject nested) {
        ModeParts parts = Json.GSON.fromJson(group(nested, "parts"), ModeParts.class);
        return ModelKey.variant(
                Json.GSON.fromJson(at(nested, "arm.weighting"), Weighting.class),
                List.of(
                        parts.get(Finetune.PART, Finetune.class)
                                .map(f -> f.variant(FINETUNE_KEYED))
                                .orElse(""),
                        parts.get(Head.PART, Head.class)
                                .map(h -> h.retraining().variant(HEAD_KEYED))
                                .orElse("")),
                Json.GSON.fromJson(at(nested, VARIANT), TrainingVariant.class));
    }

    /** The object at a path, made where missing. */
    private static JsonObject group(JsonObject object, String path) {
        JsonObject group = object;
        for (String name : path.split("\\.")) {
            if (!name.isEmpty()) {
                if (!group.has(name) || !group.get(name).isJsonObject()) {
                    group.add(name, new JsonObject());
                }
                group = group.getAsJsonObject(name);
            }
        }
        return group;
    }
}

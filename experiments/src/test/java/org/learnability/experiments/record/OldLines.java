package org.learnability.experiments.record;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Lines of {@code runs.jsonl} as schemas 1 to 6 wrote them, every field at the top, for tests that
 * old records still read.
 */
public final class OldLines {

    private static final List<String> PARTS =
            List.of("provenance", "arm", "training", "cost", "scores", "parts");

    private OldLines() {}

    /**
     * Returns a record's line in the flat form of schema 6: the fields of every part, and the
     * mode's parts, at the top under their own names; no arm variant (older records computed it).
     *
     * @param record the record
     * @return the line's object, {@code "schema": 6}
     */
    public static JsonObject flat(RunRecord record) {
        return flat(JsonParser.parseString(RunsFile.toJson(record)).getAsJsonObject());
    }

    /**
     * Returns a line of schema 7 in the flat form of schema 6.
     *
     * @param nested the line's object
     * @return a flat copy, {@code "schema": 6}
     */
    public static JsonObject flat(JsonObject nested) {
        JsonObject flat = new JsonObject();
        for (Map.Entry<String, JsonElement> field : nested.entrySet()) {
            if (!PARTS.contains(field.getKey())) {
                flat.add(field.getKey(), field.getValue().deepCopy());
            }
        }
        for (String part : PARTS) {
            if (nested.has(part)) {
                nested.getAsJsonObject(part)
                        .entrySet()
                        .forEach(f -> flat.add(f.getKey(), f.getValue().deepCopy()));
            }
        }
        flat.remove("variant");
        JsonObject variant = nested.getAsJsonObject("training").getAsJsonObject("variant");
        variant.entrySet().forEach(f -> flat.add(f.getKey(), f.getValue().deepCopy()));
        flat.addProperty("schema", 6);
        return flat;
    }

    /**
     * Reads a record back from its line in an older schema, as a {@code runs.jsonl} of that schema
     * would give it.
     *
     * @param record the record
     * @param schema the older schema, 4 to 6 (older ones nest no weighting)
     * @return the record read
     */
    public static RunRecord read(RunRecord record, int schema) {
        JsonObject old = flat(record);
        old.addProperty("schema", schema);
        return RunsFile.fromJson(old.toString());
    }

    /**
     * Copies a record with some of its fields changed as a schema-6 line names them (every field at
     * the top), read back as a {@code runs.jsonl} of that schema gives it: its variant then follows
     * from the changed fields.
     *
     * @param record the record
     * @param change changes the flat line, e.g. {@code o -> o.addProperty("schedule", "linear")}
     * @return the changed copy
     */
    public static RunRecord withFlat(RunRecord record, Consumer<JsonObject> change) {
        JsonObject old = flat(record);
        change.accept(old);
        return RunsFile.fromJson(old.toString());
    }
}

package org.learnability.experiments.record;

import com.google.gson.JsonDeserializationContext;
import com.google.gson.JsonDeserializer;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.JsonSerializationContext;
import com.google.gson.JsonSerializer;
import com.google.gson.annotations.JsonAdapter;
import java.lang.reflect.Type;
import java.util.Collections;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import org.learnability.experiments.io.Json;

/**
 * The parts of a record that belong to the mode that made the model, each under its name, e.g.
 * {@code "parts": {"finetune": {...}, "posthoc": {...}}}: how a model was fine-tuned, its logit
 * offsets, its re-trained head. A part is kept as the JSON it was written as, so that a record
 * whose part a mode from another jar wrote reads back without that jar; {@link #get} reads it as
 * the mode's type. Immutable: {@link #with} returns a copy.
 */
@JsonAdapter(ModeParts.Adapter.class)
public final class ModeParts {

    /** No parts: a baseline's, or any model whose mode records nothing of its own. */
    public static final ModeParts NONE = new ModeParts(new TreeMap<>());

    private final SortedMap<String, JsonElement> parts;

    private ModeParts(SortedMap<String, JsonElement> parts) {
        this.parts = Collections.unmodifiableSortedMap(parts);
    }

    /**
     * Returns a part as its mode's type.
     *
     * @param name the part's name, e.g. {@code finetune}
     * @param type the mode's type of the part
     * @param <T> the type
     * @return the part, or empty if the record has none of that name
     * @throws JsonParseException if the part is not of that type
     */
    public <T> Optional<T> get(String name, Class<T> type) {
        return Optional.ofNullable(parts.get(name)).map(json -> Json.GSON.fromJson(json, type));
    }

    /**
     * Tells whether a part is there.
     *
     * @param name the part's name
     * @return {@code true} if the record has a part of that name
     */
    public boolean has(String name) {
        return parts.containsKey(name);
    }

    /**
     * Returns the names of the parts.
     *
     * @return the names, sorted
     */
    public Set<String> names() {
        return parts.keySet();
    }

    /**
     * Returns these parts with one set, or removed.
     *
     * @param name the part's name
     * @param part the part, written as Gson writes it; null removes the part of that name
     * @return the copy
     */
    /**
     * Returns these parts with those of another record's over them, as a model derived from another
     * carries that model's parts and its own.
     *
     * @param more the parts to add
     * @return the parts
     */
    public ModeParts with(ModeParts more) {
        SortedMap<String, JsonElement> copy = new TreeMap<>(parts);
        copy.putAll(more.parts);
        return new ModeParts(copy);
    }

    /**
     * Returns these parts with one more, or another in its place.
     *
     * @param name the part's name
     * @param part the part, written as JSON; null removes it
     * @return the parts
     */
    public ModeParts with(String name, Object part) {
        SortedMap<String, JsonElement> copy = new TreeMap<>(parts);
        if (part == null) {
            copy.remove(name);
        } else {
            copy.put(name, canonical(Json.GSON.toJsonTree(part)));
        }
        return new ModeParts(copy);
    }

    /**
     * Returns the parts as JSON.
     *
     * @return a fresh object, one member per part
     */
    public JsonObject toJson() {
        JsonObject object = new JsonObject();
        parts.forEach((name, json) -> object.add(name, json.deepCopy()));
        return object;
    }

    /**
     * Reads parts from their JSON.
     *
     * @param object one member per part
     * @return the parts
     */
    public static ModeParts of(JsonObject object) {
        SortedMap<String, JsonElement> parts = new TreeMap<>();
        object.entrySet().stream()
                .filter(e -> !e.getValue().isJsonNull())
                .forEach(e -> parts.put(e.getKey(), canonical(e.getValue())));
        return new ModeParts(parts);
    }

    /** A part as it reads back from its text, so that a part written and read again is equal. */
    private static JsonElement canonical(JsonElement json) {
        return JsonParser.parseString(json.toString());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ModeParts other && parts.equals(other.parts);
    }

    @Override
    public int hashCode() {
        return parts.hashCode();
    }

    @Override
    public String toString() {
        return toJson().toString();
    }

    /** Writes the parts as one object, and reads them back. */
    static final class Adapter implements JsonSerializer<ModeParts>, JsonDeserializer<ModeParts> {

        @Override
        public JsonElement serialize(ModeParts src, Type type, JsonSerializationContext context) {
            return src.toJson();
        }

        @Override
        public ModeParts deserialize(JsonElement json, Type type, JsonDeserializationContext c) {
            if (!json.isJsonObject()) {
                throw new JsonParseException("parts is " + json + "; expected an object");
            }
            return of(json.getAsJsonObject());
        }
    }
}

package org.learnability.experiments.record;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.util.List;
import java.util.Optional;
import org.learnability.experiments.io.Json;
import org.learnability.experiments.weighting.Weighting;

/**
 * One line of {@code runs.jsonl} read: the record, in the form of schema {@value RunRecord#SCHEMA}
 * whatever the schema it was written in ({@link OldSchemas}), or why the line is not one.
 *
 * @param record the record, empty if the line is not one
 * @param problem why it is not one, empty if it is
 * @param outOfRange whether the line is a record whose values are out of range (rather than no
 *     record at all, as a torn line)
 */
record ParsedLine(Optional<RunRecord> record, String problem, boolean outOfRange) {

    /**
     * The fields a record cannot do without, as schemas 1 to 6 name them: the report groups, pairs
     * and scores by them.
     */
    private static final List<String> REQUIRED =
            List.of(
                    "key",
                    "dataset",
                    "model",
                    "engine",
                    "seed",
                    "mode",
                    "strategy",
                    "round",
                    "classNames",
                    "weights",
                    "epochWeights",
                    "validation",
                    "test");

    /** The field of the nested weighting (schema 4). */
    private static final String WEIGHTING = "weighting";

    private static ParsedLine failed(String problem) {
        return new ParsedLine(Optional.empty(), problem, false);
    }

    private static ParsedLine outOfRange(String problem) {
        return new ParsedLine(Optional.empty(), problem, true);
    }

    /**
     * Parses one line.
     *
     * @param line the line, without its {@code '\n'}
     * @return the record, or the problem
     */
    static ParsedLine of(String line) {
        JsonElement element;
        try {
            element = JsonParser.parseString(line);
        } catch (JsonParseException e) {
            return failed("not valid JSON (" + Json.problem(e) + ")");
        }
        if (!element.isJsonObject()) {
            return failed("not a JSON object");
        }
        JsonObject object = element.getAsJsonObject();
        JsonElement schema = object.get("schema");
        if (schema == null
                || !schema.isJsonPrimitive()
                || !schema.getAsJsonPrimitive().isNumber()) {
            return failed("no \"schema\" number; not a run record");
        }
        double version = schema.getAsDouble();
        if (version != Math.rint(version) || version < 1 || version > RunRecord.SCHEMA) {
            return failed(
                    "record schema "
                            + schema
                            + "; this version reads schemas 1 to "
                            + RunRecord.SCHEMA);
        }
        boolean old = version < RunRecord.SCHEMA;
        for (String field : REQUIRED) {
            String path = old ? field : OldSchemas.nested(field);
            JsonElement value = OldSchemas.at(object, path);
            if (value == null || value.isJsonNull()) {
                return failed("field \"" + path + "\" is missing");
            }
        }
        if (old) {
            object = OldSchemas.nestWeighting(object);
        }
        String weighting = old ? WEIGHTING : OldSchemas.nested(WEIGHTING);
        try {
            Json.GSON.fromJson(OldSchemas.at(object, weighting), Weighting.class);
        } catch (RuntimeException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            return outOfRange(weighting + ": " + firstLine(cause));
        }
        RunRecord record;
        try {
            record =
                    Json.GSON.fromJson(
                            old ? OldSchemas.upgrade(object, (int) version) : object,
                            RunRecord.class);
        } catch (RuntimeException e) {
            // Gson reports a wrong type as JsonParseException: the line is not a record; and a
            // record constructor's check (savedModel.sha256 "xyz", a path with "..") as a plain
            // RuntimeException around the check's own IllegalArgumentException: a value out of
            // range, said in the check's words
            Optional<IllegalArgumentException> check = checkFailed(e);
            return check.isPresent()
                    ? outOfRange(firstLine(check.get()))
                    : failed("not a valid run record (" + firstLine(e) + ")");
        }
        return RecordCheck.problem(record)
                .map(ParsedLine::outOfRange)
                .orElseGet(() -> new ParsedLine(Optional.of(record), "", false));
    }

    /** The check a value record's constructor failed, from the causes of Gson's exception. */
    private static Optional<IllegalArgumentException> checkFailed(RuntimeException e) {
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof IllegalArgumentException check && check.getMessage() != null) {
                return Optional.of(check);
            }
        }
        return Optional.empty();
    }

    private static String firstLine(Throwable e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return message.lines().findFirst().orElse("");
    }
}

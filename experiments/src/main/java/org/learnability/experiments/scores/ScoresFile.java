package org.learnability.experiments.scores;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.reflect.TypeToken;
import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.learnability.api.scores.ClassScores;
import org.learnability.api.scores.ConfusionMatrix;
import org.learnability.experiments.io.Json;

/**
 * Reads per-class scores from a JSON file. The file is an object with exactly one of:
 *
 * <pre>
 *   "tpr":             [0.836, 0.928, ...]            per-class TPRs, each in [0, 1]
 *   "confusionMatrix": [[50, 2, ...], [3, 41, ...]]   counts, rows actual, columns predicted
 * </pre>
 *
 * and optionally {@code "classes": ["airplane", ...]}, one name per class (default: the class
 * indices). Every problem is reported as one line that names the file.
 */
public final class ScoresFile {

    private static final Set<String> KEYS = Set.of("classes", "tpr", "confusionMatrix");

    private ScoresFile() {}

    /**
     * Reads a scores file.
     *
     * @param file the JSON file
     * @return the scores
     * @throws IllegalArgumentException naming the file and the problem
     */
    public static ClassScores read(Path file) {
        JsonElement root = Json.readFile(file);
        if (root.isJsonObject()) {
            refuseDuplicateKeys(file);
        }
        if (!root.isJsonObject()) {
            throw fail(file, "expected a JSON object with \"tpr\" or \"confusionMatrix\"");
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
                                        + "\"; expected \"classes\" and one of \"tpr\","
                                        + " \"confusionMatrix\""));
        boolean hasTpr = object.has("tpr");
        boolean hasMatrix = object.has("confusionMatrix");
        if (hasTpr == hasMatrix) {
            throw fail(file, "give exactly one of \"tpr\" and \"confusionMatrix\"");
        }
        try {
            if (hasTpr) {
                List<Double> tpr = numbers(file, array(file, object, "tpr"), "tpr");
                return ClassScores.ofTpr(classNames(file, object, tpr.size(), "\"tpr\" has"), tpr);
            }
            long[][] counts = matrix(file, array(file, object, "confusionMatrix"));
            List<String> names = classNames(file, object, counts.length, "\"confusionMatrix\" has");
            checkSums(file, counts, names);
            return ClassScores.of(new ConfusionMatrix(names, counts));
        } catch (IllegalArgumentException e) {
            if (e.getMessage().startsWith(file.toString())) {
                throw e;
            }
            throw fail(file, e.getMessage());
        }
    }

    /**
     * Reads the top-level object again as a map, which Gson refuses when a key appears twice (a
     * {@link JsonObject} would keep the last silently).
     */
    private static void refuseDuplicateKeys(Path file) {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            Json.GSON.fromJson(reader, new TypeToken<Map<String, JsonElement>>() {}.getType());
        } catch (IOException e) {
            throw fail(file, "cannot read it (" + e.getMessage() + ")");
        } catch (JsonParseException e) {
            String message = e.getMessage() == null ? "" : e.getMessage();
            if (message.startsWith("duplicate key: ")) {
                String key =
                        message.substring("duplicate key: ".length())
                                .lines()
                                .findFirst()
                                .orElse("");
                throw fail(file, "key \"" + key + "\" appears twice; give each key once");
            }
            throw fail(file, "not valid JSON (" + Json.problem(e) + ")");
        }
    }

    private static JsonArray array(Path file, JsonObject object, String key) {
        JsonElement element = object.get(key);
        if (!element.isJsonArray() || element.getAsJsonArray().isEmpty()) {
            throw fail(file, "\"" + key + "\" must be a non-empty array");
        }
        return element.getAsJsonArray();
    }

    private static List<String> classNames(Path file, JsonObject object, int n, String what) {
        if (!object.has("classes")) {
            return ConfusionMatrix.indexNames(n);
        }
        JsonArray array = array(file, object, "classes");
        List<String> names = new ArrayList<>();
        for (JsonElement e : array) {
            if (!e.isJsonPrimitive() || !e.getAsJsonPrimitive().isString()) {
                throw fail(file, "\"classes\" must hold strings, found " + e);
            }
            names.add(e.getAsString());
        }
        if (names.size() != n) {
            throw fail(
                    file,
                    "\"classes\" has "
                            + names.size()
                            + " names but "
                            + what
                            + " "
                            + n
                            + " classes");
        }
        return names;
    }

    private static List<Double> numbers(Path file, JsonArray array, String key) {
        List<Double> values = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            JsonElement e = array.get(i);
            if (!e.isJsonPrimitive() || !e.getAsJsonPrimitive().isNumber()) {
                throw fail(file, "\"" + key + "\"[" + i + "] is " + e + "; expected a number");
            }
            values.add(e.getAsDouble());
        }
        return values;
    }

    private static long[][] matrix(Path file, JsonArray rows) {
        long[][] counts = new long[rows.size()][];
        for (int a = 0; a < rows.size(); a++) {
            JsonElement row = rows.get(a);
            if (!row.isJsonArray()) {
                throw fail(
                        file,
                        "\"confusionMatrix\"["
                                + a
                                + "] is "
                                + row
                                + "; expected an array of counts");
            }
            JsonArray cells = row.getAsJsonArray();
            if (cells.size() != rows.size()) {
                throw fail(
                        file,
                        "\"confusionMatrix\" row "
                                + a
                                + " has "
                                + cells.size()
                                + " counts; a matrix over "
                                + rows.size()
                                + " classes needs "
                                + rows.size());
            }
            counts[a] = new long[cells.size()];
            for (int p = 0; p < cells.size(); p++) {
                counts[a][p] = count(file, a, p, cells.get(p));
            }
        }
        return counts;
    }

    /** A count: a whole number from 0 to {@link Long#MAX_VALUE}, written without a fraction. */
    private static long count(Path file, int a, int p, JsonElement cell) {
        try {
            if (cell.isJsonPrimitive() && cell.getAsJsonPrimitive().isNumber()) {
                BigDecimal value = cell.getAsBigDecimal();
                if (value.signum() >= 0) {
                    return value.longValueExact();
                }
            }
        } catch (ArithmeticException | NumberFormatException e) {
            // a fraction, or beyond a long: refused below
        }
        throw fail(
                file,
                "\"confusionMatrix\"["
                        + a
                        + "]["
                        + p
                        + "] is "
                        + cell
                        + "; expected a whole count from 0 to "
                        + Long.MAX_VALUE);
    }

    /**
     * Every class needs a sample (a row of zeros has no TPR to weight by), and the counts must sum
     * without overflowing, as the scores are computed from the sums.
     */
    private static void checkSums(Path file, long[][] counts, List<String> names) {
        long total = 0;
        for (int a = 0; a < counts.length; a++) {
            long row = 0;
            try {
                for (long count : counts[a]) {
                    row = Math.addExact(row, count);
                }
                total = Math.addExact(total, row);
            } catch (ArithmeticException e) {
                throw fail(
                        file,
                        "the counts of \"confusionMatrix\" sum beyond "
                                + Long.MAX_VALUE
                                + " from row "
                                + a
                                + " on; expected counts of samples");
            }
            if (row == 0) {
                throw fail(
                        file,
                        "class "
                                + a
                                + " ('"
                                + names.get(a)
                                + "') has no samples: row "
                                + a
                                + " of \"confusionMatrix\" is all zeros; every class needs at"
                                + " least one sample to have a TPR");
            }
        }
        for (int p = 0; p < counts.length; p++) {
            long column = 0;
            try {
                for (long[] row : counts) {
                    column = Math.addExact(column, row[p]);
                }
            } catch (ArithmeticException e) {
                throw fail(
                        file,
                        "the counts of column "
                                + p
                                + " of \"confusionMatrix\" sum beyond "
                                + Long.MAX_VALUE
                                + "; expected counts of samples");
            }
        }
    }

    private static IllegalArgumentException fail(Path file, String problem) {
        return new IllegalArgumentException(file + ": " + problem);
    }
}

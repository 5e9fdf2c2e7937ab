package org.learnability.experiments.testing;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * An experiment directory's {@code runs.jsonl} as a test reads it: each line a JSON object, as
 * written, without the application's own reading in between.
 */
public final class RunsJsonl {

    private RunsJsonl() {}

    /**
     * Returns the records in the order of their lines.
     *
     * @param out the experiment directory
     * @return a JSON object per line
     */
    public static List<JsonObject> records(Path out) throws IOException {
        return Files.readAllLines(out.resolve("runs.jsonl")).stream()
                .map(l -> JsonParser.parseString(l).getAsJsonObject())
                .toList();
    }

    /**
     * Returns the keys of the records in the order of their lines.
     *
     * @param out the experiment directory
     * @return a key per line
     */
    public static List<String> keys(Path out) throws IOException {
        return records(out).stream().map(r -> r.get("key").getAsString()).toList();
    }

    /**
     * Returns the records by their key; of a key on two lines, the last.
     *
     * @param out the experiment directory
     * @return the records, keys in order
     */
    public static Map<String, JsonObject> byKey(Path out) throws IOException {
        Map<String, JsonObject> byKey = new TreeMap<>();
        for (JsonObject record : records(out)) {
            byKey.put(record.get("key").getAsString(), record);
        }
        return byKey;
    }

    /**
     * Returns a JSON array of numbers as a {@code double[]}.
     *
     * @param array the array, e.g. a record's {@code weights}
     * @return its numbers
     */
    public static double[] doubles(JsonArray array) {
        double[] v = new double[array.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = array.get(i).getAsDouble();
        }
        return v;
    }
}

package org.learnability.cluster.task;

import java.util.List;
import org.learnability.experiments.io.Json;
import org.learnability.experiments.record.RunRecord;

/**
 * Run records as the JSON lines that travel between the driver and the tasks (a line of {@code
 * runs.jsonl} each): plain strings, as no file system is shared.
 */
public final class RecordLines {

    private RecordLines() {}

    /**
     * Writes records as lines.
     *
     * @param records the records
     * @return one JSON line each, in their order
     */
    public static List<String> write(List<RunRecord> records) {
        return records.stream().map(Json.GSON::toJson).toList();
    }

    /**
     * Reads records from lines.
     *
     * @param lines one JSON line each
     * @return the records, in the lines' order
     */
    public static List<RunRecord> read(List<String> lines) {
        return lines.stream().map(line -> Json.GSON.fromJson(line, RunRecord.class)).toList();
    }
}

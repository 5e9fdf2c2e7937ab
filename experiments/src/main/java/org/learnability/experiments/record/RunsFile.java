package org.learnability.experiments.record;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.learnability.experiments.io.Json;
import org.learnability.experiments.weighting.Weighting;

/**
 * Reads and appends {@code runs.jsonl}: one {@link RunRecord} as JSON per line, each line ended by
 * {@code '\n'}.
 *
 * <p>A line is complete once its {@code '\n'} is written. A process killed while appending can
 * leave a <em>torn tail</em>: bytes after the last {@code '\n'}. {@link #read} skips a torn tail
 * that is not a valid record (and keeps one that is), and {@link #append} first removes such a torn
 * tail (or ends a valid one with its {@code '\n'}), so reader and writer always agree on which
 * records exist and a broken line never ends up in the middle of the file. A broken line anywhere
 * else is corruption: reading fails with one line naming the file and the line number.
 */
public final class RunsFile {

    /** The file name inside an experiment directory. */
    public static final String NAME = "runs.jsonl";

    /** The fields a record cannot do without: the report groups, pairs and scores by them. */
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

    private RunsFile() {}

    /**
     * What a {@code runs.jsonl} holds.
     *
     * @param records the complete records, in file order
     * @param tornLine the number of the last line if it is torn (a stopped run's incomplete record)
     *     and was skipped; 0 if there is none
     */
    public record Contents(List<RunRecord> records, int tornLine, List<Duplicate> duplicates) {

        /** Takes immutable copies. */
        public Contents {
            records = List.copyOf(records);
            duplicates = List.copyOf(duplicates);
        }
    }

    /**
     * A key recorded on two lines with different scores: two processes trained the same model into
     * one file (before experiment directories were locked), or a file was edited. The last line
     * counts, as a resumed run would have kept it.
     *
     * @param key the key
     * @param first the earlier line
     * @param last the later line, the one that counts
     * @param firstAccuracy the test accuracy on the earlier line
     * @param lastAccuracy the test accuracy on the later line
     */
    public record Duplicate(
            String key, int first, int last, double firstAccuracy, double lastAccuracy) {

        /**
         * Describes the duplicate as a warning.
         *
         * @param file the file
         * @return the warning line, without {@code warning: }
         */
        public String describe(Path file) {
            return file
                    + ": "
                    + key
                    + " is on line "
                    + first
                    + " (test accuracy "
                    + firstAccuracy
                    + ") and line "
                    + last
                    + " (test accuracy "
                    + lastAccuracy
                    + ") with other scores; line "
                    + last
                    + ", the last, counts";
        }
    }

    /**
     * Reads every record.
     *
     * @param runsJsonl the file
     * @return the records in file order
     * @throws IllegalArgumentException naming the file (and line) when it is missing or malformed
     * @throws UncheckedIOException when it cannot be read
     */
    public static List<RunRecord> read(Path runsJsonl) {
        return readAll(runsJsonl).records();
    }

    /**
     * Reads every record and tells whether a torn last line was skipped.
     *
     * @param runsJsonl the file
     * @return the records and the torn line, if any
     * @throws IllegalArgumentException naming the file, line and field when a complete line is not
     *     a record or holds a value out of range
     * @throws UncheckedIOException when it cannot be read
     */
    public static Contents readAll(Path runsJsonl) {
        String text;
        try {
            text = Files.readString(runsJsonl, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException(runsJsonl + ": no such file");
        } catch (IOException e) {
            throw new UncheckedIOException(
                    runsJsonl + ": cannot read it (" + e.getMessage() + ")", e);
        }
        int tornAt = text.lastIndexOf('\n') + 1;
        List<RunRecord> records = new ArrayList<>();
        List<Integer> lines = new ArrayList<>();
        int lineNumber = 0;
        for (String line : text.substring(0, tornAt).split("\n", -1)) {
            lineNumber++;
            if (!line.isBlank()) {
                Parsed parsed = parse(line);
                if (parsed.record().isEmpty()) {
                    throw new IllegalArgumentException(
                            runsJsonl + " line " + lineNumber + ": " + parsed.problem());
                }
                records.add(parsed.record().get());
                lines.add(lineNumber);
            }
        }
        String tail = text.substring(tornAt);
        int torn = 0;
        if (!tail.isBlank()) {
            Parsed parsed = parse(tail);
            if (parsed.record().isPresent()) {
                records.add(parsed.record().get());
                lines.add(lineNumber);
            } else if (parsed.outOfRange()) {
                throw new IllegalArgumentException(
                        runsJsonl + " line " + lineNumber + ": " + parsed.problem());
            } else {
                torn = lineNumber; // the split above ends with the tail's (empty) line
            }
        }
        return lastOfEachKey(records, lines, torn);
    }

    /** Keeps the last record of every key, naming each key whose lines disagree. */
    private static Contents lastOfEachKey(List<RunRecord> records, List<Integer> lines, int torn) {
        Map<String, Integer> at = new LinkedHashMap<>();
        List<Duplicate> duplicates = new ArrayList<>();
        for (int i = 0; i < records.size(); i++) {
            RunRecord r = records.get(i);
            Integer before = at.remove(r.key());
            if (before != null) {
                RunRecord earlier = records.get(before);
                if (!earlier.validation().equals(r.validation())
                        || !earlier.test().equals(r.test())) {
                    duplicates.add(
                            new Duplicate(
                                    r.key(),
                                    lines.get(before),
                                    lines.get(i),
                                    earlier.test().accuracy(),
                                    r.test().accuracy()));
                }
            }
            at.put(r.key(), i);
        }
        return new Contents(
                at.values().stream().sorted().map(records::get).toList(), torn, duplicates);
    }

    /**
     * Appends one record as one line, durably: the torn tail of an earlier crash is repaired first
     * (see the class comment), then the full line with its {@code '\n'} goes out in one write and
     * is forced to the disk. A file lock keeps concurrent appenders (two engines sharing one
     * directory) from interleaving.
     *
     * @param runsJsonl the file, created if missing
     * @param record the record
     * @throws UncheckedIOException naming the file when it cannot be written
     */
    public static void append(Path runsJsonl, RunRecord record) {
        byte[] line = (Json.GSON.toJson(record) + "\n").getBytes(StandardCharsets.UTF_8);
        try (FileChannel channel =
                FileChannel.open(
                        runsJsonl,
                        StandardOpenOption.CREATE,
                        StandardOpenOption.READ,
                        StandardOpenOption.WRITE)) {
            channel.lock(); // held until the channel closes
            repairTornTail(channel);
            ByteBuffer buffer = ByteBuffer.wrap(line);
            long position = channel.size();
            while (buffer.hasRemaining()) {
                position += channel.write(buffer, position);
            }
            channel.force(true);
        } catch (IOException e) {
            throw new UncheckedIOException(
                    runsJsonl + ": cannot append to it (" + e.getMessage() + ")", e);
        }
    }

    /**
     * Says that a torn last line was left out, for the warning of whoever read it.
     *
     * @param runsJsonl the file
     * @param line the torn line's number
     * @return e.g. {@code out/runs.jsonl line 3 is incomplete (...) and is ignored}
     */
    public static String tornLine(Path runsJsonl, int line) {
        return runsJsonl
                + " line "
                + line
                + " is incomplete (a run was stopped while writing it) and is ignored";
    }

    /**
     * Formats one record as its JSON line, without the {@code '\n'}.
     *
     * @param record the record
     * @return the JSON text
     */
    public static String toJson(RunRecord record) {
        return Json.GSON.toJson(record);
    }

    private static void repairTornTail(FileChannel channel) throws IOException {
        long size = channel.size();
        if (size == 0) {
            return;
        }
        ByteBuffer all = ByteBuffer.allocate(Math.toIntExact(size));
        while (all.hasRemaining() && channel.read(all, all.position()) >= 0) {
            // read until full
        }
        byte[] bytes = all.array();
        int tornAt = bytes.length;
        while (tornAt > 0 && bytes[tornAt - 1] != '\n') {
            tornAt--;
        }
        if (tornAt == bytes.length) {
            return;
        }
        String tail = new String(bytes, tornAt, bytes.length - tornAt, StandardCharsets.UTF_8);
        if (tail.isBlank() || parse(tail).record().isEmpty()) {
            channel.truncate(tornAt);
        } else {
            channel.write(ByteBuffer.wrap(new byte[] {'\n'}), size);
        }
    }

    /** Parses one line: the record, or why it is not one. */
    private static Parsed parse(String line) {
        JsonElement element;
        try {
            element = JsonParser.parseString(line);
        } catch (JsonParseException e) {
            return Parsed.failed("not valid JSON (" + Json.problem(e) + ")");
        }
        if (!element.isJsonObject()) {
            return Parsed.failed("not a JSON object");
        }
        JsonObject object = element.getAsJsonObject();
        JsonElement schema = object.get("schema");
        if (schema == null
                || !schema.isJsonPrimitive()
                || !schema.getAsJsonPrimitive().isNumber()) {
            return Parsed.failed("no \"schema\" number; not a run record");
        }
        double version = schema.getAsDouble();
        if (version != Math.rint(version) || version < 1 || version > RunRecord.SCHEMA) {
            return Parsed.failed(
                    "record schema "
                            + schema
                            + "; this version reads schemas 1 to "
                            + RunRecord.SCHEMA);
        }
        for (String field : REQUIRED) {
            if (!object.has(field) || object.get(field).isJsonNull()) {
                return Parsed.failed("field \"" + field + "\" is missing");
            }
        }
        if (!object.has(WEIGHTING)) {
            object = nestWeighting(object);
        }
        try {
            Json.GSON.fromJson(object.get(WEIGHTING), Weighting.class);
        } catch (RuntimeException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            return new Parsed(Optional.empty(), WEIGHTING + ": " + firstLine(cause), true);
        }
        RunRecord record;
        try {
            record = Json.GSON.fromJson(object, RunRecord.class);
        } catch (RuntimeException e) {
            // Gson reports a wrong type as JsonParseException and a failing record constructor as a
            // plain RuntimeException; both mean the line is not a record
            return Parsed.failed("not a valid run record (" + firstLine(e) + ")");
        }
        return RecordCheck.problem(record)
                .map(problem -> new Parsed(Optional.empty(), problem, true))
                .orElseGet(() -> new Parsed(Optional.of(record), "", false));
    }

    /**
     * A record of schema 1 to 3 in the nested form: the weighting's parts, which those schemas held
     * beside the other fields under the same names, moved into one {@code weighting} object; parts
     * an older schema lacks take the paper's values, which those records were trained with.
     */
    private static JsonObject nestWeighting(JsonObject flat) {
        JsonObject record = flat.deepCopy();
        JsonObject weighting = Json.GSON.toJsonTree(Weighting.PAPER).getAsJsonObject();
        for (String part : List.copyOf(weighting.keySet())) {
            JsonElement value = record.remove(part);
            if (value != null && !value.isJsonNull()) {
                weighting.add(part, value);
            }
        }
        record.add(WEIGHTING, weighting);
        return record;
    }

    private static String firstLine(Throwable e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return message.lines().findFirst().orElse("");
    }

    /** A parsed line: the record, or the problem and whether it is a value out of range. */
    private record Parsed(Optional<RunRecord> record, String problem, boolean outOfRange) {
        static Parsed failed(String problem) {
            return new Parsed(Optional.empty(), problem, false);
        }
    }
}

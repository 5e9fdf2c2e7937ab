package org.learnability.experiments.record;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.learnability.experiments.record.RunsFile.Contents;
import org.learnability.experiments.record.RunsFile.Duplicate;

/**
 * The lines of a {@code runs.jsonl}: its complete lines, each a record, and a torn tail that a
 * process killed while appending can leave (see {@link RunsFile}), which reading skips unless it is
 * a valid record and appending repairs first.
 */
final class RecordLines {

    private RecordLines() {}

    /**
     * Reads the records of a file's text, the last of each key, skipping a torn tail.
     *
     * @param runsJsonl the file, for messages
     * @param text its text
     * @return the records, the torn line and the keys recorded twice with other scores
     * @throws IllegalArgumentException naming the file, line and field when a complete line is not
     *     a record or holds a value out of range
     */
    static Contents read(Path runsJsonl, String text) {
        int tornAt = text.lastIndexOf('\n') + 1;
        List<RunRecord> records = new ArrayList<>();
        List<Integer> lines = new ArrayList<>();
        int lineNumber = 0;
        for (String line : text.substring(0, tornAt).split("\n", -1)) {
            lineNumber++;
            if (!line.isBlank()) {
                ParsedLine parsed = ParsedLine.of(line);
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
            ParsedLine parsed = ParsedLine.of(tail);
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
                Scores earlier = records.get(before).scores();
                Scores later = r.scores();
                if (!earlier.validation().equals(later.validation())
                        || !earlier.test().equals(later.test())) {
                    duplicates.add(
                            new Duplicate(
                                    r.key(),
                                    lines.get(before),
                                    lines.get(i),
                                    earlier.test().accuracy(),
                                    later.test().accuracy()));
                }
            }
            at.put(r.key(), i);
        }
        return new Contents(
                at.values().stream().sorted().map(records::get).toList(), torn, duplicates);
    }

    /**
     * Repairs the torn tail of a file open for appending: removes it, or ends it with its {@code
     * '\n'} if it is a valid record.
     *
     * @param channel the file, locked
     * @throws IOException when it cannot be read or written
     */
    static void repairTornTail(FileChannel channel) throws IOException {
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
        if (tail.isBlank() || ParsedLine.of(tail).record().isEmpty()) {
            channel.truncate(tornAt);
        } else {
            channel.write(ByteBuffer.wrap(new byte[] {'\n'}), size);
        }
    }
}

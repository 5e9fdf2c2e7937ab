package org.learnability.experiments.record;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.learnability.experiments.io.Json;

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
 *
 * <p>A line of any schema reads ({@link OldSchemas}); a line is written in the current one, {@value
 * RunRecord#SCHEMA}.
 */
public final class RunsFile {

    /** The file name inside an experiment directory. */
    public static final String NAME = "runs.jsonl";

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
        return RecordLines.read(runsJsonl, text);
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
        byte[] line = (toJson(record) + "\n").getBytes(StandardCharsets.UTF_8);
        try (FileChannel channel =
                FileChannel.open(
                        runsJsonl,
                        StandardOpenOption.CREATE,
                        StandardOpenOption.READ,
                        StandardOpenOption.WRITE)) {
            channel.lock(); // held until the channel closes
            RecordLines.repairTornTail(channel);
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

    /**
     * Reads one record from its JSON line, of any schema this version reads.
     *
     * @param line the JSON text
     * @return the record, in the current form
     * @throws IllegalArgumentException saying why the line is not a record
     */
    public static RunRecord fromJson(String line) {
        ParsedLine parsed = ParsedLine.of(line);
        return parsed.record().orElseThrow(() -> new IllegalArgumentException(parsed.problem()));
    }
}

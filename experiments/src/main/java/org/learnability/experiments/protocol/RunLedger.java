package org.learnability.experiments.protocol;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.learnability.experiments.record.ModelKey;
import org.learnability.experiments.record.RunRecord;
import org.learnability.experiments.record.RunsFile;

/**
 * The models an experiment holds, by key. The ledger of a directory is read from its {@code
 * runs.jsonl} when a run starts, and every model is appended to it (written and forced to disk) as
 * soon as it is scored; a model in the ledger is never trained again, which is what makes a stopped
 * run resumable. A ledger in memory does the same for a grid's task, whose records the driver alone
 * writes.
 */
public final class RunLedger {

    private final Path file;
    private final Map<ModelKey, RunRecord> records = new LinkedHashMap<>();
    private final List<RunRecord> appended = new ArrayList<>();
    private int tornLine;

    private RunLedger(Path file) {
        this.file = file;
    }

    /**
     * Opens the ledger of a directory, reading its {@code runs.jsonl} if there is one.
     *
     * @param dir the experiment directory
     * @return the ledger
     */
    public static RunLedger open(Path dir) {
        RunLedger ledger = new RunLedger(dir.resolve(RunsFile.NAME));
        if (Files.exists(ledger.file)) {
            RunsFile.Contents contents = RunsFile.readAll(ledger.file);
            contents.records().forEach(r -> ledger.records.put(r.modelKey(), r));
            ledger.tornLine = contents.tornLine();
        }
        return ledger;
    }

    /**
     * Makes a ledger in memory that knows the given records and keeps the ones appended.
     *
     * @param recorded the models recorded already
     * @return the ledger
     */
    public static RunLedger inMemory(List<RunRecord> recorded) {
        RunLedger ledger = new RunLedger(null);
        recorded.forEach(r -> ledger.records.put(r.modelKey(), r));
        return ledger;
    }

    /**
     * Returns the file, for a ledger of a directory.
     *
     * @return {@code runs.jsonl}, or null for a ledger in memory
     */
    public Path file() {
        return file;
    }

    /**
     * Returns the number of the torn last line of {@code runs.jsonl} that was left out when the
     * ledger was opened (a run stopped while writing it): its model is not recorded and trains
     * again; the next append removes the line.
     *
     * @return the line, or 0 if there is none
     */
    public int tornLine() {
        return tornLine;
    }

    /**
     * Returns the records appended since the ledger was opened, in order.
     *
     * @return the new records
     */
    public List<RunRecord> appended() {
        return List.copyOf(appended);
    }

    /**
     * Returns every record, in the order first recorded.
     *
     * @return the records
     */
    public List<RunRecord> records() {
        return List.copyOf(records.values());
    }

    /**
     * Returns the recorded model of a key.
     *
     * @param key the key
     * @return its record, if recorded
     */
    Optional<RunRecord> get(ModelKey key) {
        return Optional.ofNullable(records.get(key));
    }

    /**
     * Returns the recorded baseline of a key, whatever the mode it was recorded under: a baseline
     * is the same whatever the modes built on it ({@link ModelKey#sameBaseline}).
     *
     * @param key the baseline's key under this experiment's first mode
     * @return its record, if recorded
     */
    Optional<RunRecord> baseline(ModelKey key) {
        return get(key).or(
                        () ->
                                records.keySet().stream()
                                        .filter(key::sameBaseline)
                                        .findFirst()
                                        .map(records::get));
    }

    /** Tells whether no model is recorded. */
    public boolean isEmpty() {
        return records.isEmpty();
    }

    /** Tells whether every key is recorded. */
    public boolean containsAll(Collection<ModelKey> keys) {
        return records.keySet().containsAll(keys);
    }

    /**
     * Appends a record: to the file, durably, for a ledger of a directory; and to the ledger.
     *
     * @param record the record
     */
    public void append(RunRecord record) {
        if (file != null) {
            RunsFile.append(file, record);
        }
        records.put(record.modelKey(), record);
        appended.add(record);
    }
}

package org.learnability.experiments.protocol;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.learnability.experiments.record.RunRecord;
import org.learnability.experiments.record.RunsFile;

/**
 * The models an experiment directory holds, by key: read from {@code runs.jsonl} when a run starts,
 * and appended to it (written and forced to disk) as each model is scored. A model in the ledger is
 * never trained again, which is what makes a stopped run resumable.
 */
public final class RunLedger {

    private final Path file;
    private final Map<String, RunRecord> records = new LinkedHashMap<>();

    private RunLedger(Path file) {
        this.file = file;
    }

    /**
     * Opens the ledger of a directory, reading its {@code runs.jsonl} if there is one.
     *
     * @param dir the experiment directory
     * @return the ledger
     */
    static RunLedger open(Path dir) {
        RunLedger ledger = new RunLedger(dir.resolve(RunsFile.NAME));
        if (Files.exists(ledger.file)) {
            RunsFile.read(ledger.file).forEach(r -> ledger.records.put(r.key(), r));
        }
        return ledger;
    }

    /** Returns the file. */
    Path file() {
        return file;
    }

    /** Returns the recorded model of a key, if any. */
    Optional<RunRecord> get(String key) {
        return Optional.ofNullable(records.get(key));
    }

    /**
     * Returns the recorded baseline of an engine and seed: under the given key if there, else under
     * any mode's key, since the baseline (every weight 1, weighted cross-entropy) trains the same
     * whatever the modes that follow it.
     *
     * @param key the baseline's key under the plan's first mode
     * @param engine the engine
     * @param seed the seed
     * @return the baseline, if recorded
     */
    Optional<RunRecord> baseline(String key, String engine, int seed) {
        return get(key).or(
                        () ->
                                records.values().stream()
                                        .filter(
                                                r ->
                                                        r.isBaseline()
                                                                && r.engine().equals(engine)
                                                                && r.seed() == seed
                                                                && r.strategy()
                                                                        .equals(RunRecord.BASELINE)
                                                                && r.variant().isEmpty())
                                        .findFirst());
    }

    /** Tells whether no model is recorded. */
    boolean isEmpty() {
        return records.isEmpty();
    }

    /** Tells whether every key is recorded. */
    boolean containsAll(Collection<String> keys) {
        return records.keySet().containsAll(keys);
    }

    /** Appends a record to the file, durably, and to the ledger. */
    void append(RunRecord record) {
        RunsFile.append(file, record);
        records.put(record.key(), record);
    }
}

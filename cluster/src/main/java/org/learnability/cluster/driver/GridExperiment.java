package org.learnability.cluster.driver;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import org.learnability.experiments.plan.ExperimentPlan;
import org.learnability.experiments.protocol.RunLedger;
import org.learnability.experiments.record.RunRecord;

/**
 * One experiment of a grid, as the driver holds it: the driver is the only writer of its {@code
 * runs.jsonl}.
 *
 * @param name its name in the grid
 * @param dir its directory under the grid's
 * @param plan its plan
 * @param ledger its records, read from and appended to its {@code runs.jsonl}
 */
public record GridExperiment(String name, Path dir, ExperimentPlan plan, RunLedger ledger) {

    /**
     * Returns this experiment with its records read again.
     *
     * @param now the ledger read now
     * @return the experiment
     */
    public GridExperiment withLedger(RunLedger now) {
        return new GridExperiment(name, dir, plan, now);
    }

    /**
     * Appends records to the experiment's {@code runs.jsonl}, each key once; warns of a collapse.
     *
     * @param records the records
     * @param log the progress lines, flushed before a warning
     * @param warnings where warnings go
     */
    void append(List<RunRecord> records, PrintWriter log, PrintWriter warnings) {
        for (RunRecord record : records) {
            if (!ledger.containsAll(List.of(record.modelKey()))) {
                ledger.append(record);
                if (record.scores().collapse() != null) {
                    log.flush();
                    warnings.println(
                            "warning: " + name + ": " + record.scores().collapse().warning(record));
                    warnings.flush();
                }
            }
        }
    }
}

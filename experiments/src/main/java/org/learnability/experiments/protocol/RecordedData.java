package org.learnability.experiments.protocol;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.learnability.experiments.plan.BaselinePlan;
import org.learnability.experiments.plan.ExperimentPlan;
import org.learnability.experiments.plan.PlanFile;
import org.learnability.experiments.record.RunRecord;
import org.learnability.experiments.record.RunsFile;
import org.learnability.runner.data.DataFingerprint;

/**
 * A run's data checked against the data an experiment directory's models were made on: the
 * fingerprint {@code plan.json} records ({@link PlanFile#DATA}), else the digest every record
 * carries ({@code provenance.dataFingerprint}). A directory that holds no model binds nothing.
 *
 * @param fingerprint the fingerprint of the run's data
 * @param inPlan whether {@code plan.json} records it already
 * @param note the line to print when the run records a fingerprint that {@code plan.json} lacked
 */
public record RecordedData(DataFingerprint fingerprint, boolean inPlan, Optional<String> note) {

    /**
     * Checks a run's data against a directory's.
     *
     * @param out the experiment directory
     * @param plan the plan's baseline, whose data it is
     * @param now the fingerprint of the run's data
     * @param recorded the fingerprint {@code plan.json} records, if any
     * @param records the models the directory holds
     * @return what the run records
     * @throws IllegalArgumentException naming what changed, when the data is not the directory's
     */
    static RecordedData check(
            Path out,
            BaselinePlan plan,
            DataFingerprint now,
            Optional<DataFingerprint> recorded,
            List<RunRecord> records) {
        String where = plan.dataDir().map(d -> "--data-dir " + d).orElse("the data");
        if (records.isEmpty()) {
            return new RecordedData(now, recorded.map(now::equals).orElse(false), Optional.empty());
        }
        if (recorded.isPresent()) {
            List<String> changes = now.changesFrom(recorded.get());
            if (!changes.isEmpty()) {
                throw changed(out, where, String.join("; ", changes));
            }
            return new RecordedData(now, true, Optional.empty());
        }
        for (RunRecord r : records) {
            String digest = r.provenance().dataFingerprint();
            if (digest != null && !digest.equals(now.digest())) {
                throw changed(
                        out,
                        where,
                        r.key()
                                + " in "
                                + RunsFile.NAME
                                + " was made on other files (their names, sizes or times differ)");
            }
        }
        return new RecordedData(
                now,
                false,
                Optional.of(
                        out.resolve(PlanFile.NAME)
                                + " had no fingerprint of its data (an earlier version wrote it);"
                                + " it records that of "
                                + where
                                + " now, which later runs must match"));
    }

    /**
     * Records a plan and this data's fingerprint in {@code plan.json}, printing the {@link #note}.
     *
     * @param planFile {@code plan.json}
     * @param out the experiment directory
     * @param plan the plan
     * @param log where the note goes
     */
    void record(PlanFile planFile, Path out, ExperimentPlan plan, PrintWriter log) {
        planFile.record(out, plan, fingerprint);
        note.ifPresent(log::println);
    }

    private static IllegalArgumentException changed(Path out, String where, String what) {
        return new IllegalArgumentException(
                where
                        + " changed since the models of "
                        + out
                        + " were made on it: "
                        + what
                        + "; use another --out, or the data the experiment was made on");
    }
}

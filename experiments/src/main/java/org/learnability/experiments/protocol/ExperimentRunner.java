package org.learnability.experiments.protocol;

import jakarta.inject.Inject;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.learnability.api.strategy.WeightStrategy;
import org.learnability.experiments.control.ComputeControl;
import org.learnability.experiments.io.Counted;
import org.learnability.experiments.io.DirectoryLock;
import org.learnability.experiments.plan.BaselinePlan;
import org.learnability.experiments.plan.ExperimentPlan;
import org.learnability.experiments.plan.PlanCodec;
import org.learnability.experiments.plan.PlanFile;
import org.learnability.experiments.plan.PlanIdentity;
import org.learnability.experiments.record.ModelKey;
import org.learnability.experiments.record.RunRecord;
import org.learnability.experiments.record.RunsFile;
import org.learnability.experiments.report.ReportFiles;
import org.learnability.experiments.report.ReportWriter;
import org.learnability.runner.data.DatasetDefinition;
import org.learnability.runner.pipeline.Pipeline;
import org.learnability.runner.pipeline.Session;
import org.learnability.runner.pipeline.SessionOptions;

/**
 * Runs the method of DESIGN.md for a plan on the selected engine: for every seed a baseline (every
 * class weight 1) and the weighted models of the plan's mode, each scored on the validation and the
 * test split and appended to {@code runs.jsonl} as soon as it is done; then the report. Models
 * already in {@code runs.jsonl} are skipped, so a run that was stopped continues where it stopped.
 * Every bad input is found before the first model trains.
 */
public final class ExperimentRunner {

    private final Pipeline pipeline;
    private final SeedRunner seeds;
    private final PlanFile planFile;
    private final PlanCodec codec;

    /**
     * Creates the runner from the application's services.
     *
     * @param pipeline loads, splits, trains and scores
     * @param seeds runs the models of a seed
     * @param planFile records and checks {@code plan.json}
     * @param codec the digests of a plan's options
     */
    @Inject
    public ExperimentRunner(
            Pipeline pipeline, SeedRunner seeds, PlanFile planFile, PlanCodec codec) {
        this.pipeline = pipeline;
        this.seeds = seeds;
        this.planFile = planFile;
        this.codec = codec;
    }

    /**
     * Checks everything that can be checked without training, and writes nothing: the output
     * directory, the strategies (each called once on synthetic scores), the engine (that it can
     * train), the data files, the models already recorded, and a plan recorded there before.
     *
     * @param plan the plan
     * @param out the experiment directory
     * @param options the devices a session would use
     * @return the strategies, the models recorded, and whether the plan is recorded
     * @throws IllegalArgumentException or {@link UncheckedIOException} naming what is wrong
     */
    public CheckedRun check(ExperimentPlan plan, Path out, SessionOptions options) {
        OutputDirectory.check(out);
        Map<String, WeightStrategy> byName = seeds.strategies(plan);
        DatasetDefinition data = seeds.dataset(plan.baseline());
        PlanDataCheck.check(plan, data);
        StrategyProbe.check(byName, data.classNames());
        pipeline.checkEngine(options.devices());
        pipeline.check(data, plan.baseline().source());
        return recorded(plan, out, byName);
    }

    /**
     * Reads what a directory records, and checks the plan against it; writes nothing. {@link
     * #check} ends with this; a command reads the directory again once it holds its lock, since
     * another process may have written there in between.
     *
     * @param plan the plan
     * @param out the experiment directory
     * @param strategies the strategies, by spec
     * @return the strategies, the models recorded, and whether the plan is recorded
     * @throws IllegalArgumentException naming what is wrong
     */
    public CheckedRun recorded(
            ExperimentPlan plan, Path out, Map<String, WeightStrategy> strategies) {
        RunLedger ledger = RunLedger.open(out);
        boolean recorded;
        try {
            recorded = planFile.check(out, plan);
        } catch (IllegalArgumentException e) {
            if (!ledger.isEmpty()) {
                throw e;
            }
            recorded = false; // a plan without a recorded model binds nothing: this run replaces it
        }
        checkIdentity(plan, out, ledger);
        BaselinePlan data = plan.baseline();
        RecordedData recordedData =
                RecordedData.check(
                        out,
                        data,
                        pipeline.fingerprint(seeds.dataset(data), data.source()),
                        planFile.recordedData(out),
                        ledger.records());
        return new CheckedRun(strategies, ledger, recorded && recordedData.inPlan(), recordedData);
    }

    /**
     * Refuses a directory whose records were made under other options than the plan's, even where
     * its {@code plan.json} is gone: every record carries the digest of its options ({@link
     * PlanIdentity}); records written before they did are not checked.
     */
    private void checkIdentity(ExperimentPlan plan, Path out, RunLedger ledger) {
        PlanIdentity identity = codec.identity(plan);
        for (RunRecord r : ledger.records()) {
            if (r.provenance().planHash() != null
                    && !r.provenance()
                            .planHash()
                            .equals(identity.of(r.isBaseline() || ComputeControl.isControl(r)))) {
                throw new IllegalArgumentException(
                        out
                                + " holds models made under other options: "
                                + r.key()
                                + " in "
                                + ledger.file().getFileName()
                                + " was trained under options that differ from this run's"
                                + (Files.exists(out.resolve(PlanFile.NAME))
                                        ? ""
                                        : " (plan.json, which would name them, is gone)")
                                + "; use another --out, or the options the models were made"
                                + " with");
            }
        }
    }

    /**
     * What the checks found.
     *
     * @param strategies the strategies, by spec
     * @param ledger the models recorded
     * @param planRecorded whether {@code plan.json} holds this plan and its data already
     * @param data the run's data, checked against the directory's
     */
    public record CheckedRun(
            Map<String, WeightStrategy> strategies,
            RunLedger ledger,
            boolean planRecorded,
            RecordedData data) {}

    /**
     * Runs the plan: checks it ({@link #check}), takes the directory's lock ({@link DirectoryLock}:
     * one process writes an experiment), trains what is not yet in {@code runs.jsonl}, then writes
     * the report. {@code plan.json} is written only once every check has passed and the first
     * seed's data is loaded and split, so a run that fails before leaves nothing behind.
     *
     * @param plan the plan
     * @param out the experiment directory
     * @param options devices, progress and scoring batch size
     * @param saveModels which models are saved into {@code out/models} ({@link ModelStore})
     * @param log where progress lines go
     * @param warnings where warnings go
     * @return the report's files
     * @throws IllegalStateException when another process holds the directory
     */
    public ReportFiles run(
            ExperimentPlan plan,
            Path out,
            SessionOptions options,
            SaveModels saveModels,
            PrintWriter log,
            PrintWriter warnings) {
        CheckedRun first = check(plan, out, options);
        try (DirectoryLock lock = DirectoryLock.take(out, "--out " + out)) {
            return train(
                    plan,
                    out,
                    options,
                    ModelStore.locked(out, saveModels),
                    recorded(plan, out, first.strategies()),
                    log,
                    warnings);
        }
    }

    /** Trains what the ledger lacks and writes the report; the caller holds the lock. */
    private ReportFiles train(
            ExperimentPlan plan,
            Path out,
            SessionOptions options,
            ModelStore store,
            CheckedRun checked,
            PrintWriter log,
            PrintWriter warnings) {
        RunLedger ledger = checked.ledger();
        if (ledger.tornLine() > 0) {
            warnings.println(
                    "warning: "
                            + RunsFile.tornLine(ledger.file(), ledger.tornLine())
                            + "; its model is trained again");
            warnings.flush();
        }
        RunProgress progress =
                new RunProgress(
                        plan.modelCount(), log, warnings, plan.baseline().dataset().input());
        String engine = pipeline.engine().getEngineName();
        boolean recorded = checked.planRecorded();
        boolean announced = false;
        for (int seed : plan.seeds()) {
            List<ModelKey> keys = SeedRunner.keys(engine, plan, seed, ledger);
            if (ledger.containsAll(keys)) {
                announced = announce(announced, plan, out, log, warnings);
                keys.forEach(k -> progress.skip(k.toString()));
                continue;
            }
            try (Session session = seeds.open(plan, seed, options, Optional.empty())) {
                announced = announce(announced, plan, out, log, warnings);
                if (!recorded) {
                    checked.data().record(planFile, out, plan, log);
                    recorded = true;
                }
                seeds.run(
                        session,
                        seed,
                        List.of(new SeedRunner.Experiment(plan, ledger, store)),
                        progress);
            }
        }
        if (!recorded) {
            checked.data().record(planFile, out, plan, log);
        }
        log.println(
                (plan.modelCount() == 1
                                ? "the model of "
                                : "all " + plan.modelCount() + " models of ")
                        + engine
                        + (plan.modelCount() == 1 ? " is in " : " are in ")
                        + ledger.file());
        ReportFiles files = ReportWriter.write(out, RunsFile.read(ledger.file()));
        log.println("report: " + files.report());
        log.flush();
        return files;
    }

    /**
     * Prints what the experiment trains, and the engine's warnings, once: when the first seed's
     * data has loaded (or its models are all recorded), so that bad input stays the only line.
     */
    private boolean announce(
            boolean announced,
            ExperimentPlan plan,
            Path out,
            PrintWriter log,
            PrintWriter warnings) {
        if (announced) {
            return true;
        }
        log.println(
                "experiment "
                        + out
                        + ": "
                        + plan.baseline().dataset().name()
                        + ", "
                        + plan.baseline().model().name()
                        + ", "
                        + plan.arms().modeNames()
                        + ", seeds "
                        + plan.seeds()
                        + ", strategies uniform + "
                        + plan.arms().strategies()
                        + " ("
                        + Counted.of(plan.modelCount(), "model")
                        + ")");
        log.flush();
        pipeline.threads().warnings().forEach(warnings::println);
        warnings.flush();
        return true;
    }
}

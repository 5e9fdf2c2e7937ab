package org.learnability.experiments.protocol;

import jakarta.inject.Inject;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.learnability.api.registry.StrategyRegistry;
import org.learnability.api.strategy.WeightStrategy;
import org.learnability.experiments.mode.RunId;
import org.learnability.experiments.plan.ExperimentPlan;
import org.learnability.experiments.plan.PlanFile;
import org.learnability.experiments.record.RunsFile;
import org.learnability.experiments.report.ReportFiles;
import org.learnability.experiments.report.ReportWriter;
import org.learnability.runner.data.SplitSpec;
import org.learnability.runner.pipeline.Pipeline;
import org.learnability.runner.pipeline.Session;
import org.learnability.runner.pipeline.SessionOptions;
import org.learnability.runner.pipeline.SessionSpec;

/**
 * Runs the method of DESIGN.md for a plan on the selected engine: for every seed a baseline (every
 * class weight 1) and the weighted models of the plan's mode, each scored on the validation and the
 * test split and appended to {@code runs.jsonl} as soon as it is done; then the report. Models
 * already in {@code runs.jsonl} are skipped, so a run that was stopped continues where it stopped.
 * Every bad input is found before the first model trains.
 */
public final class ExperimentRunner {

    private final Pipeline pipeline;
    private final StrategyRegistry strategies;
    private final PlanFile planFile;

    /**
     * Creates the runner from the application's services.
     *
     * @param pipeline loads, splits, trains and scores
     * @param strategies the strategies
     * @param planFile records and checks {@code plan.json}
     */
    @Inject
    public ExperimentRunner(Pipeline pipeline, StrategyRegistry strategies, PlanFile planFile) {
        this.pipeline = pipeline;
        this.strategies = strategies;
        this.planFile = planFile;
    }

    /**
     * Checks everything that can be checked without training: the strategies and their parameters,
     * the data, the output directory, and a plan recorded there before.
     *
     * @param plan the plan
     * @param out the experiment directory
     * @return the strategies, by spec
     * @throws IllegalArgumentException or {@link UncheckedIOException} naming what is wrong
     */
    public Map<String, WeightStrategy> check(ExperimentPlan plan, Path out) {
        pipeline.engine();
        Map<String, WeightStrategy> byName = new LinkedHashMap<>();
        for (String spec : plan.strategies()) {
            byName.put(spec, strategies.create(spec));
        }
        pipeline.check(plan.dataset(), plan.source());
        try {
            Files.createDirectories(out);
            Files.delete(Files.createTempFile(out, ".write-check", ".tmp"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write to --out " + out + ": " + e, e);
        }
        planFile.recordOrCheck(out, plan);
        return byName;
    }

    /**
     * Runs the plan: trains what is not yet in {@code runs.jsonl}, then writes the report.
     *
     * @param plan the plan
     * @param out the experiment directory
     * @param options devices, progress and scoring batch size
     * @param log where progress lines go
     * @return the report's files
     */
    public ReportFiles run(ExperimentPlan plan, Path out, SessionOptions options, PrintWriter log) {
        Map<String, WeightStrategy> weighting = check(plan, out);
        pipeline.threads().warnings().forEach(log::println);
        RunLedger ledger = RunLedger.open(out);
        RunProgress progress = new RunProgress(plan.modelCount(), log);
        String engine = pipeline.engine().getEngineName();
        for (int seed : plan.seeds()) {
            List<String> keys = keys(engine, plan, seed);
            if (ledger.containsAll(keys)) {
                keys.forEach(progress::skip);
                continue;
            }
            SessionSpec spec =
                    new SessionSpec(
                            plan.dataset(),
                            plan.source(),
                            new SplitSpec(plan.valSize(), plan.trainSize(), seed),
                            options);
            try (Session session = pipeline.open(spec)) {
                plan.mode()
                        .run(new SessionSeedRun(plan, seed, session, weighting, ledger, progress));
            }
        }
        log.println(
                "all " + plan.modelCount() + " models of " + engine + " are in " + ledger.file());
        ReportFiles files = ReportWriter.write(out, RunsFile.read(ledger.file()));
        log.println("report: " + files.report());
        log.flush();
        return files;
    }

    /** The keys of one seed's models: the baseline's and those the mode declares. */
    private static List<String> keys(String engine, ExperimentPlan plan, int seed) {
        List<String> keys = new ArrayList<>();
        keys.add(SessionSeedRun.key(engine, plan, seed, RunId.BASELINE));
        plan.weightedRuns().forEach(run -> keys.add(SessionSeedRun.key(engine, plan, seed, run)));
        return keys;
    }
}

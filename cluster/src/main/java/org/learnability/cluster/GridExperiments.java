package org.learnability.cluster;

import jakarta.inject.Inject;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.learnability.cluster.driver.GridExperiment;
import org.learnability.experiments.plan.ExperimentPlan;
import org.learnability.experiments.plan.PlanCodec;
import org.learnability.experiments.plan.PlanFile;
import org.learnability.experiments.protocol.ExperimentRunner;
import org.learnability.experiments.record.RunsFile;
import org.learnability.experiments.report.ChartNames;
import org.learnability.runner.engine.DeviceSelection;
import org.learnability.runner.engine.EngineSelection;
import org.learnability.runner.pipeline.Pipeline;
import org.learnability.runner.pipeline.SessionOptions;

/**
 * A grid's experiments: the grid expanded into plans of {@code run}, each in a directory of its own
 * under {@code --out} (its name's slug), checked as {@code run} checks them, with the grid's
 * engines; an error in one names the grid file, the experiment and its key ({@link GridErrors}).
 */
final class GridExperiments {

    private final PlanCodec codec;
    private final PlanFile planFile;
    private final ExperimentRunner runner;
    private final Pipeline pipeline;
    private final EngineSelection engine;

    /**
     * Creates the checks from the application's services.
     *
     * @param codec turns options into plans
     * @param planFile reads recorded plans
     * @param runner checks experiments as {@code run} does
     * @param pipeline checks engines
     * @param engine the process's engine, the grid's when it names none
     */
    @Inject
    GridExperiments(
            PlanCodec codec,
            PlanFile planFile,
            ExperimentRunner runner,
            Pipeline pipeline,
            EngineSelection engine) {
        this.codec = codec;
        this.planFile = planFile;
        this.runner = runner;
        this.pipeline = pipeline;
        this.engine = engine;
    }

    /**
     * Expands and checks a grid; writes nothing.
     *
     * @param grid the grid
     * @param out the grid's directory
     * @return the experiments, with their ledgers, and whether each plan is recorded
     */
    Map<GridExperiment, Boolean> check(GridSpec grid, Path out) {
        SessionOptions options = SessionOptions.defaults().withDevices(DeviceSelection.auto());
        Map<GridExperiment, Boolean> experiments = new LinkedHashMap<>();
        Set<String> dirs = new HashSet<>();
        for (GridSpec.Named named : grid.experiments()) {
            String name = named.name().isEmpty() ? "experiment" : named.name();
            String slug = ChartNames.slug(name);
            if (!dirs.add(slug)) {
                throw new IllegalArgumentException(
                        grid.file() + ": two experiments would share the directory " + slug);
            }
            Path dir = out.resolve(slug);
            ExperimentPlan plan;
            try {
                plan =
                        codec.resolve(
                                grid.preset(),
                                planFile.recorded(dir),
                                codec.schema()
                                        .options(named.options(), grid.file() + " (" + name + ")"));
            } catch (IllegalArgumentException e) {
                throw GridErrors.inExperiment(grid.file(), name, e, codec.schema());
            }
            ExperimentRunner.CheckedRun checked = runner.check(plan, dir, options);
            experiments.put(
                    new GridExperiment(name, dir, plan, checked.ledger()), checked.planRecorded());
        }
        for (String name : engines(grid)) {
            pipeline.checkEngine(pipeline.engine(Optional.of(name)), DeviceSelection.auto());
        }
        return experiments;
    }

    /**
     * Reads the experiments' records again, under their locks: another process may have written
     * between the checks and the locks. Warns of a torn last line, whose model trains again.
     *
     * @param first the experiments as checked first
     * @param warnings where warnings go
     * @return the experiments with their ledgers now, and whether each plan is recorded
     */
    Map<GridExperiment, Boolean> checkAgain(
            Map<GridExperiment, Boolean> first, PrintWriter warnings) {
        Map<GridExperiment, Boolean> checked = new LinkedHashMap<>();
        first.forEach(
                (e, recorded) -> {
                    ExperimentRunner.CheckedRun now = runner.recorded(e.plan(), e.dir(), Map.of());
                    if (now.ledger().tornLine() > 0) {
                        warnings.println(
                                "warning: "
                                        + RunsFile.tornLine(
                                                now.ledger().file(), now.ledger().tornLine())
                                        + "; its model is trained again");
                    }
                    checked.put(e.withLedger(now.ledger()), now.planRecorded());
                });
        return checked;
    }

    /**
     * Returns a grid's engines.
     *
     * @param grid the grid
     * @return those it names, else the process's
     */
    List<String> engines(GridSpec grid) {
        return grid.engines().isEmpty() ? List.of(engine.name()) : grid.engines();
    }
}

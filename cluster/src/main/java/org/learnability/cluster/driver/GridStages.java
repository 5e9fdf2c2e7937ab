package org.learnability.cluster.driver;

import java.io.PrintWriter;
import java.io.Writer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.learnability.cluster.task.ArmPlans;
import org.learnability.cluster.task.GridTask;
import org.learnability.cluster.task.RecordLines;
import org.learnability.experiments.mode.ExperimentMode;
import org.learnability.experiments.plan.ExperimentPlan;
import org.learnability.experiments.plan.PlanCodec;
import org.learnability.experiments.protocol.SeedRunner;
import org.learnability.experiments.record.ModelKey;
import org.learnability.experiments.record.RunRecord;

/**
 * The grid's tasks, what its experiments do not hold yet: first the baselines, one per engine, seed
 * and baseline plan; then every arm, fed the baselines' records and, where the first stage trained
 * them or they were saved, parameters. Each stage longest first ({@link TaskCost}).
 */
public final class GridStages {

    /** Something done for each engine, experiment and seed of the grid. */
    @FunctionalInterface
    private interface SeedVisit {
        void visit(String engine, GridExperiment e, int seed);
    }

    private final List<GridExperiment> experiments;
    private final List<String> engines;
    private final int threads;
    private final String plugins;
    private final PlanCodec codec;
    private final BaselineModels models;

    /**
     * Plans the tasks of a grid's experiments.
     *
     * @param experiments the experiments, their ledgers read under the locks
     * @param engines the grid's engines
     * @param threads the engine threads of each task
     * @param plugins the plugins directory, passed to the tasks
     * @param codec writes the tasks' plans
     * @param models reads the saved baselines that arms build on
     */
    public GridStages(
            List<GridExperiment> experiments,
            List<String> engines,
            int threads,
            String plugins,
            PlanCodec codec,
            BaselineModels models) {
        this.experiments = experiments;
        this.engines = engines;
        this.threads = threads;
        this.plugins = plugins;
        this.codec = codec;
        this.models = models;
    }

    GridExperiment experiment(String name) {
        return experiments.stream().filter(e -> e.name().equals(name)).findFirst().orElseThrow();
    }

    /** The experiments of a seed that share an experiment's baseline plan. */
    List<GridExperiment> sharing(GridExperiment first, int seed) {
        return experiments.stream()
                .filter(e -> e.plan().baseline().equals(first.plan().baseline()))
                .filter(e -> e.plan().seeds().contains(seed))
                .toList();
    }

    /**
     * Returns the first stage: the baselines that no experiment sharing them has recorded.
     *
     * @return the tasks, longest first
     */
    public List<GridTask> baselines() {
        List<GridTask> tasks = new ArrayList<>();
        Set<BaselineId> seen = new HashSet<>();
        forEachSeed(
                (engine, e, seed) -> {
                    if (!seen.add(new BaselineId(engine, seed, e.plan().baseline()))) {
                        return;
                    }
                    boolean recorded =
                            sharing(e, seed).stream()
                                    .anyMatch(x -> recordedBaseline(engine, seed, x).isPresent());
                    if (!recorded) {
                        tasks.add(
                                task(
                                        engine,
                                        seed,
                                        e,
                                        "",
                                        List.of(),
                                        new byte[0],
                                        TaskCost.images(e.plan())));
                    }
                });
        return TaskCost.ordered(tasks);
    }

    /**
     * Counts the second stage's tasks, reading no saved model.
     *
     * @return the arm tasks not recorded
     */
    public int armCount() {
        return arms(Map.of(), null).size();
    }

    /**
     * Gives every experiment the baseline that another experiment with the same baseline plan
     * recorded for a seed, before the arms that build on it run.
     *
     * @param warnings where warnings go
     */
    public void shareRecordedBaselines(PrintWriter warnings) {
        PrintWriter none = new PrintWriter(Writer.nullWriter());
        forEachSeed(
                (engine, e, seed) -> {
                    Optional<RunRecord> recorded = recordedBaseline(engine, seed, e);
                    if (recorded.isPresent()) {
                        for (GridExperiment x : sharing(e, seed)) {
                            x.append(List.of(recorded.get()), none, warnings);
                        }
                    }
                });
    }

    /**
     * The arm tasks not recorded; with {@code warnings}, each fed its baseline's parameters: those
     * the first stage sent back, else those of the baseline's saved file where an arm builds on its
     * model.
     */
    List<GridTask> arms(Map<BaselineId, byte[]> parameters, PrintWriter warnings) {
        List<GridTask> tasks = new ArrayList<>();
        Map<BaselineId, byte[]> loaded = new HashMap<>(parameters);
        forEachSeed(
                (engine, e, seed) -> {
                    BaselineId id = new BaselineId(engine, seed, e.plan().baseline());
                    Optional<RunRecord> recorded = recordedBaseline(engine, seed, e);
                    if (warnings != null
                            && !loaded.containsKey(id)
                            && recorded.isPresent()
                            && e.plan().arms().mode().stream().anyMatch(e.plan()::buildsOnBaseline)
                            && !e.ledger()
                                    .containsAll(
                                            SeedRunner.keys(engine, e.plan(), seed, e.ledger()))) {
                        loaded.put(id, models.savedParameters(e, recorded.get(), warnings));
                    }
                    byte[] params = loaded.getOrDefault(id, new byte[0]);
                    for (ExperimentMode mode : e.plan().arms().mode()) {
                        if (ArmPlans.inAnothersTask(e.plan(), mode)) {
                            continue; // in the task of the mode it derives from or shares with
                        }
                        tasks.addAll(arms(engine, seed, e, mode, params));
                    }
                });
        return TaskCost.ordered(tasks);
    }

    /**
     * The tasks of a mode not recorded, with the modes that derive from its models: a mode that
     * trains from scratch, a task per strategy; one that builds on the baseline's model, one task,
     * the model loaded once.
     */
    private List<GridTask> arms(
            String engine, int seed, GridExperiment e, ExperimentMode mode, byte[] params) {
        List<ExperimentMode> modes = ArmPlans.withDerived(e.plan(), mode);
        List<List<String>> units =
                !e.plan().buildsOnBaseline(mode)
                        ? e.plan().arms().strategies().stream().map(List::of).toList()
                        : List.of(e.plan().arms().strategies());
        List<GridTask> tasks = new ArrayList<>();
        for (List<String> strategies : units) {
            ExperimentPlan arm = ArmPlans.of(e.plan(), modes, strategies);
            List<ModelKey> keys = SeedRunner.keys(engine, arm, seed, e.ledger());
            List<ModelKey> weighted = keys.subList(1, keys.size());
            if (!weighted.isEmpty() && !e.ledger().containsAll(weighted)) {
                tasks.add(
                        task(
                                engine,
                                seed,
                                e,
                                ArmPlans.names(modes),
                                strategies,
                                params,
                                TaskCost.of(e.plan(), mode, weighted.size())));
            }
        }
        return tasks;
    }

    private void forEachSeed(SeedVisit visit) {
        for (String engine : engines) {
            for (GridExperiment e : experiments) {
                for (int seed : e.plan().seeds()) {
                    visit.visit(engine, e, seed);
                }
            }
        }
    }

    private Optional<RunRecord> recordedBaseline(String engine, int seed, GridExperiment e) {
        ModelKey key = SeedRunner.keys(engine, e.plan(), seed, e.ledger()).get(0);
        return e.ledger().records().stream().filter(r -> r.modelKey().equals(key)).findFirst();
    }

    private GridTask task(
            String engine,
            int seed,
            GridExperiment e,
            String mode,
            List<String> strategies,
            byte[] parameters,
            long cost) {
        return new GridTask(
                0,
                engine,
                seed,
                threads,
                plugins,
                e.name(),
                codec.encode(e.plan()).toString(),
                RecordLines.write(
                        e.ledger().records().stream()
                                .filter(
                                        r ->
                                                r.provenance().engine().equals(engine)
                                                        && r.provenance().seed() == seed)
                                .toList()),
                mode,
                strategies,
                parameters,
                cost);
    }
}

package org.learnability.experiments.protocol;

import ai.djl.Model;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.learnability.api.scores.ClassScores;
import org.learnability.api.strategy.WeightStrategy;
import org.learnability.api.weights.ClassWeights;
import org.learnability.experiments.mode.RunId;
import org.learnability.experiments.mode.SeedRun;
import org.learnability.experiments.plan.ExperimentPlan;
import org.learnability.experiments.record.RunRecord;
import org.learnability.experiments.record.SplitScores;
import org.learnability.runner.pipeline.Session;
import org.learnability.runner.pipeline.TrainedModel;
import org.learnability.runner.training.EpochHook;

/**
 * A {@link SeedRun} on a {@link Session}: trains, scores and records one model at a time, skipping
 * the models the ledger already holds.
 */
final class SessionSeedRun implements SeedRun {

    private final ExperimentPlan plan;
    private final int seed;
    private final Session session;
    private final Map<String, WeightStrategy> strategies;
    private final RunLedger ledger;
    private final RunProgress progress;

    SessionSeedRun(
            ExperimentPlan plan,
            int seed,
            Session session,
            Map<String, WeightStrategy> strategies,
            RunLedger ledger,
            RunProgress progress) {
        this.plan = plan;
        this.seed = seed;
        this.session = session;
        this.strategies = strategies;
        this.ledger = ledger;
        this.progress = progress;
    }

    @Override
    public ExperimentPlan plan() {
        return plan;
    }

    @Override
    public int seed() {
        return seed;
    }

    @Override
    public List<String> classNames() {
        return session.classNames();
    }

    @Override
    public Map<String, WeightStrategy> strategies() {
        return strategies;
    }

    @Override
    public RunRecord baseline() {
        return model(RunId.BASELINE, ClassWeights.uniform(classNames().size()), EpochHook.NONE);
    }

    @Override
    public RunRecord model(RunId run, ClassWeights weights, EpochHook hook) {
        String key = key(session.engine().getEngineName(), plan, seed, run);
        RunRecord recorded = ledger.get(key).orElse(null);
        if (recorded != null) {
            progress.skip(key);
            return recorded;
        }
        progress.start(
                key,
                String.format(
                        Locale.ROOT,
                        "%s for %d epochs on %d images (%s %s, %s)",
                        plan.model().name(),
                        plan.training().epochs(),
                        session.splits().training().size(),
                        session.engine().getEngineName(),
                        session.engine().getVersion(),
                        session.device()));
        TrainedModel trained =
                session.trainAndScore(
                        plan.model(), weights, plan.training(seed), plan.augment(), hook);
        RunRecord record = record(key, run, trained);
        ledger.append(record);
        progress.finish(record);
        return record;
    }

    @Override
    public ClassScores scoreValidation(Model model) {
        return session.scoreValidation(model);
    }

    /** The record of a model trained and scored in this seed's session. */
    private RunRecord record(String key, RunId run, TrainedModel trained) {
        List<ClassWeights> epochWeights = trained.training().epochWeights();
        return new RunRecord(
                RunRecord.SCHEMA,
                key,
                plan.dataset().name(),
                plan.model().name(),
                session.engine().getEngineName(),
                session.engine().getVersion(),
                session.device().toString(),
                seed,
                plan.mode().name(),
                run.strategy(),
                run.round(),
                classNames(),
                epochWeights.get(epochWeights.size() - 1).asList(),
                epochWeights.stream().map(ClassWeights::asList).toList(),
                SplitScores.of(trained.validation()),
                SplitScores.of(trained.test()),
                plan.training().epochs(),
                session.splits().training().size(),
                trained.training().seconds(),
                trained.training().imagesPerSecond(),
                Instant.now().toString());
    }

    /** The key of a model: {@code engine/seed/mode/strategy/round}. */
    static String key(String engine, ExperimentPlan plan, int seed, RunId run) {
        return RunRecord.key(engine, seed, plan.mode().name(), run.strategy(), run.round());
    }
}

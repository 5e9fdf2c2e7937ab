package org.learnability.experiments.protocol;

import ai.djl.Model;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.learnability.api.scores.ClassScores;
import org.learnability.api.strategy.WeightStrategy;
import org.learnability.api.weights.ClassWeights;
import org.learnability.experiments.mode.BaselineLogits;
import org.learnability.experiments.mode.Derived;
import org.learnability.experiments.mode.ExperimentMode;
import org.learnability.experiments.mode.RunId;
import org.learnability.experiments.mode.SeedRun;
import org.learnability.experiments.plan.ExperimentPlan;
import org.learnability.experiments.record.RunRecord;
import org.learnability.experiments.record.Weighting;
import org.learnability.runner.pipeline.Session;
import org.learnability.runner.pipeline.TrainedModel;
import org.learnability.runner.training.EpochHook;
import org.learnability.runner.training.TrainingResult;

/**
 * One experiment's seed on a {@link Session}: trains, derives, scores and records one model at a
 * time into the experiment's ledger, skipping the models it already holds, with the seed's {@link
 * SeedBaseline}; each of the plan's modes sees it as a {@link SeedRun}.
 */
final class SessionSeedRun {

    private final ExperimentPlan plan;
    private final int seed;
    private final Session session;
    private final Map<String, WeightStrategy> strategies;
    private final RunLedger ledger;
    private final RunProgress progress;
    private final SeedBaseline baseline;

    SessionSeedRun(
            ExperimentPlan plan,
            int seed,
            Session session,
            Map<String, WeightStrategy> strategies,
            RunLedger ledger,
            RunProgress progress,
            SeedBaseline baseline) {
        this.plan = plan;
        this.seed = seed;
        this.session = session;
        this.strategies = strategies;
        this.ledger = ledger;
        this.progress = progress;
        this.baseline = baseline;
    }

    /** Runs every mode of the plan, in order. */
    void run() {
        for (ExperimentMode mode : plan.modes()) {
            mode.run(new ModeRun(mode));
        }
    }

    /** The key of a model: {@code engine/seed/mode/strategy[weighting]/round}. */
    static String key(String engine, int seed, RunId run, Weighting weighting) {
        return RunRecord.key(
                engine,
                seed,
                run.mode(),
                RunRecord.weighted(run.strategy(), weighting.variant()),
                run.round());
    }

    private String engine() {
        return session.engine().getEngineName();
    }

    private RunRecord baseline() {
        return baseline.record(
                RunId.baseline(plan.modes().get(0)), baselineKey(), ledger, progress);
    }

    private String baselineKey() {
        return key(
                engine(), seed, RunId.baseline(plan.modes().get(0)), PlanWeighting.baseline(plan));
    }

    /** Appends a model's record to the ledger and returns it. */
    private RunRecord record(
            String key, RunId run, Weighting weighting, TrainedModel model, Derived derived) {
        RunRecord record =
                RunRecords.of(
                        plan,
                        seed,
                        session,
                        key,
                        run,
                        weighting,
                        model,
                        derived == null ? null : derived.posthoc(),
                        ledger.baseline(
                                        baselineKey(),
                                        engine(),
                                        seed,
                                        PlanWeighting.baseline(plan).variant())
                                .orElseThrow());
        ledger.append(record);
        progress.finish(record);
        return record;
    }

    /** What a mode sees of the seed. */
    private final class ModeRun implements SeedRun {

        private final ExperimentMode mode;
        private final Weighting weighting;

        ModeRun(ExperimentMode mode) {
            this.mode = mode;
            this.weighting = PlanWeighting.of(plan, mode);
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
            return SessionSeedRun.this.baseline();
        }

        @Override
        public RunRecord model(RunId run, ClassWeights weights, EpochHook hook) {
            String key = key(engine(), seed, run, weighting);
            RunRecord recorded = ledger.get(key).orElse(null);
            if (recorded != null) {
                progress.skip(key);
                return recorded;
            }
            progress.start(key, "training " + baseline.what());
            TrainedModel trained =
                    session.trainAndScore(
                            plan.model(), weights, plan.training(seed), plan.augment(), hook);
            return record(key, run, weighting, trained, null);
        }

        @Override
        public RunRecord derived(
                RunId run, ClassWeights weights, Function<BaselineLogits, Derived> derive) {
            String key = key(engine(), seed, run, weighting);
            RunRecord recorded = ledger.get(key).orElse(null);
            if (recorded != null) {
                progress.skip(key);
                return recorded;
            }
            baseline();
            progress.start(key, "adjusting the baseline's logits (" + mode.name() + ")");
            long start = System.nanoTime();
            Derived result = derive.apply(baseline.logits(progress));
            double seconds = (System.nanoTime() - start) / 1e9;
            TrainedModel model =
                    new TrainedModel(
                            new TrainingResult(List.of(), List.of(weights), seconds, 0, List.of()),
                            result.validation(),
                            result.test());
            return record(key, run, weighting, model, result);
        }

        @Override
        public ClassScores scoreValidation(Model model) {
            return session.scoreValidation(model);
        }
    }
}

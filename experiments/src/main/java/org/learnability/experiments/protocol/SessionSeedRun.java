package org.learnability.experiments.protocol;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.learnability.api.strategy.WeightStrategy;
import org.learnability.api.weights.ClassWeights;
import org.learnability.experiments.mode.Derived;
import org.learnability.experiments.mode.ExperimentMode;
import org.learnability.experiments.mode.RunId;
import org.learnability.experiments.mode.SeedRun;
import org.learnability.experiments.plan.ExperimentPlan;
import org.learnability.experiments.plan.PlanIdentity;
import org.learnability.experiments.record.ModelKey;
import org.learnability.experiments.record.RunRecord;
import org.learnability.experiments.weighting.Weighting;
import org.learnability.runner.loss.LossChoice;
import org.learnability.runner.pipeline.Session;
import org.learnability.runner.pipeline.SplitLogits;
import org.learnability.runner.pipeline.TrainedModel;
import org.learnability.runner.pipeline.ValidationHook;
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
    private final LossChoice loss;
    private final PlanIdentity identity;
    private final RunLedger ledger;
    private final RunProgress progress;
    private final SeedBaseline baseline;

    SessionSeedRun(
            ExperimentPlan plan,
            int seed,
            Session session,
            Map<String, WeightStrategy> strategies,
            LossChoice loss,
            PlanIdentity identity,
            RunLedger ledger,
            RunProgress progress,
            SeedBaseline baseline) {
        this.plan = plan;
        this.seed = seed;
        this.session = session;
        this.strategies = strategies;
        this.loss = loss;
        this.identity = identity;
        this.ledger = ledger;
        this.progress = progress;
        this.baseline = baseline;
    }

    /** Runs every mode of the plan, in order. */
    void run() {
        for (ExperimentMode mode : plan.arms().mode()) {
            mode.run(new ModeRun(mode));
        }
    }

    private String engine() {
        return session.engine().getEngineName();
    }

    private RunRecord baseline() {
        return baseline.record(
                RunId.baseline(plan.arms().mode().get(0)), baselineKey(), ledger, progress);
    }

    private ModelKey baselineKey() {
        return ModelKeys.baseline(engine(), seed, plan);
    }

    /** Appends a model's record to the ledger and returns it. */
    private RunRecord record(
            ModelKey key, RunId run, Weighting weighting, TrainedModel model, Derived derived) {
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
                        ledger.baseline(baselineKey()).orElseThrow(),
                        identity);
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
            this.weighting = plan.arms().weighting(mode);
        }

        @Override
        public Weighting weighting() {
            return weighting;
        }

        @Override
        public int rounds() {
            return plan.arms().rounds();
        }

        @Override
        public int epochs() {
            return plan.baseline().epochs();
        }

        @Override
        public double maxAccuracyDrop() {
            return plan.arms().maxAccuracyDrop();
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
        public RunRecord model(RunId run, ClassWeights weights, ValidationHook hook) {
            ModelKey key = ModelKeys.of(engine(), seed, plan, run, weighting);
            RunRecord recorded = ledger.get(key).orElse(null);
            if (recorded != null) {
                progress.skip(recorded.key());
                return recorded;
            }
            progress.start(key.toString(), "training " + baseline.what());
            TrainedModel trained;
            try (Session.Fitted fitted =
                    session.fit(
                            plan.baseline().model(),
                            weights,
                            plan.baseline().training(seed).withWeighting(loss, weighting.apply()),
                            plan.baseline().augment(),
                            hook)) {
                trained = session.score(fitted);
            }
            return record(key, run, weighting, trained, null);
        }

        @Override
        public RunRecord derived(
                RunId run, ClassWeights weights, Function<SplitLogits, Derived> derive) {
            ModelKey key = ModelKeys.of(engine(), seed, plan, run, weighting);
            RunRecord recorded = ledger.get(key).orElse(null);
            if (recorded != null) {
                progress.skip(recorded.key());
                return recorded;
            }
            baseline();
            progress.start(key.toString(), "adjusting the baseline's logits (" + mode.name() + ")");
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
    }
}
